import { demoOfficers } from '../modules/identity/demo-accounts';
import { demoTotpSecret, totpCode } from '../modules/identity/totp';

/** `npm run demo:totp -- <username>`: the current TOTP code of a demo officer (demo mode only). */
const username = process.argv[2];
const known = demoOfficers.map((o) => o.username);
if (!username || !known.includes(username)) {
  console.error(`Dùng / usage: npm run demo:totp -- <${known.join('|')}>`);
  process.exit(2);
}
const now = new Date();
const secondsLeft = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(
  `${totpCode(demoTotpSecret(username), now)}  (còn ${secondsLeft} giây / ${secondsLeft}s left)`,
);
