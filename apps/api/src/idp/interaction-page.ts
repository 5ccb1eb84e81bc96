import { createHash } from 'node:crypto';
import { maskCitizenId, type SampleResident } from './sample-residents';

/**
 * HTML for the local IdP: the resident picker ("login") page and error pages.
 * Self-contained (inline CSS only, no scripts, no external assets), Vietnamese,
 * responsive down to 360 px.
 */

export const DEV_BANNER_TEXT =
  'Nhà cung cấp định danh dùng cho phát triển và kiểm thử — KHÔNG PHẢI VNeID';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1b1f24;background:#f3f4f6}
.banner{background:#9b1c1c;color:#fff;padding:.75rem 1rem;text-align:center}
.banner p{margin:0;max-width:40rem;margin-inline:auto}
.banner strong{font-size:1.0625rem}
.banner .note{font-size:.9375rem;margin-top:.25rem}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.375rem;line-height:1.3;margin:.75rem 0 .5rem}
.intro{margin:0 0 1rem}
.client{font-weight:700;overflow-wrap:anywhere}
.error{border:2px solid #9b1c1c;background:#fdecec;color:#7a1414;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:700;font-size:1.0625rem;padding:0;margin:0 0 .5rem}
.option{position:relative;margin:0 0 .5rem}
.option input{position:absolute;top:1rem;left:1rem;width:1.375rem;height:1.375rem;margin:0;accent-color:#0b57a4}
.option label{display:block;min-height:3rem;padding:.75rem 1rem .75rem 3.25rem;background:#fff;border:2px solid #c4c9d1;border-radius:.5rem;cursor:pointer}
.option input:checked+label{border-color:#0b57a4;background:#eaf3fc}
.option input:focus-visible+label{outline:3px solid #0b57a4;outline-offset:2px}
.name{display:block;font-weight:700;font-size:1.0625rem}
.meta{display:block;color:#3b424c;font-size:.9375rem;overflow-wrap:anywhere}
.level{display:inline-block;margin-top:.25rem;padding:0 .625rem;border-radius:999px;font-size:.875rem;font-weight:700}
.level-2{background:#dcf2e3;color:#11502a}
.level-1{background:#fdf0d2;color:#633d00}
.actions{display:flex;flex-direction:column;gap:.75rem;margin-top:1.25rem}
button{font:inherit;font-weight:700;width:100%;min-height:3rem;padding:.75rem 1rem;border-radius:.5rem;cursor:pointer}
.primary{font-size:1.125rem;background:#0b57a4;border:2px solid #0b57a4;color:#fff}
.primary:hover{background:#08457f;border-color:#08457f}
.secondary{background:#fff;border:2px solid #5b6470;color:#1b1f24}
.secondary:hover{background:#eceef1}
button:focus-visible{outline:3px solid #1b1f24;outline-offset:2px}
footer{max-width:40rem;margin:0 auto;padding:0 1rem 1.5rem;color:#4b5360;font-size:.875rem}
@media (min-width:36rem){.actions{flex-direction:row}.actions button{flex:1}}
@media (forced-colors:active){.option input:checked+label{border-width:4px}}`;

/** Value for a `Content-Security-Policy` header allowing exactly the inline CSS above. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="banner">
<p><strong>${escapeHtml(DEV_BANNER_TEXT)}</strong></p>
<p class="note">Chỉ dùng dữ liệu giả định. Không nhập thông tin cá nhân thật.</p>
</header>
${body}
</body>
</html>
`;
}

export interface LoginPageInput {
  uid: string;
  clientId: string;
  residents: readonly SampleResident[];
  /** sub of the resident to preselect (defaults to the first). */
  selectedSub?: string | undefined;
  /** Optional error message shown above the form. */
  errorMessage?: string | undefined;
}

export function renderLoginPage(input: LoginPageInput): string {
  const { uid, clientId, residents } = input;
  const selected = residents.some((r) => r.sub === input.selectedSub)
    ? input.selectedSub
    : residents[0]?.sub;
  const base = `/interaction/${encodeURIComponent(uid)}`;

  const options = residents
    .map((r) => {
      const id = `resident-${r.sub}`;
      const checked = r.sub === selected ? ' checked' : '';
      return `<div class="option">
<input type="radio" id="${escapeHtml(id)}" name="account" value="${escapeHtml(r.sub)}" data-testid="${escapeHtml(id)}" required${checked}>
<label for="${escapeHtml(id)}">
<span class="name">${escapeHtml(r.name)}</span>
<span class="meta">Số định danh: ${escapeHtml(maskCitizenId(r.citizenId))}</span>
<span class="meta">${escapeHtml(r.commune.fullName)}</span>
<span class="level level-${r.level}">Mức ${r.level}</span>
</label>
</div>`;
    })
    .join('\n');

  const error = input.errorMessage
    ? `<p class="error" role="alert">${escapeHtml(input.errorMessage)}</p>\n`
    : '';

  return layout(
    'Đăng nhập thử nghiệm — Nhà cung cấp định danh phát triển',
    `<main>
<h1>Đăng nhập bằng cư dân mẫu</h1>
<p class="intro">Ứng dụng <span class="client">${escapeHtml(clientId)}</span> yêu cầu đăng nhập. Chọn một cư dân mẫu rồi bấm “Đăng nhập”.</p>
${error}<form method="post" action="${escapeHtml(`${base}/login`)}">
<fieldset>
<legend>Chọn cư dân mẫu (mức định danh điện tử)</legend>
${options}
</fieldset>
<div class="actions">
<button type="submit" class="primary" data-testid="idp-login">Đăng nhập</button>
<button type="submit" class="secondary" formaction="${escapeHtml(`${base}/abort`)}" formnovalidate data-testid="idp-cancel">Hủy</button>
</div>
</form>
</main>
<footer><p>Các cư dân trên là người giả định, được tạo cho mục đích trình diễn và kiểm thử.</p></footer>`,
  );
}

export function renderErrorPage(heading: string, message: string, code?: string): string {
  const codeLine = code ? `<p class="meta">Mã lỗi: <code>${escapeHtml(code)}</code></p>\n` : '';
  return layout(
    `${heading} — Nhà cung cấp định danh phát triển`,
    `<main>
<h1>${escapeHtml(heading)}</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
${codeLine}</main>`,
  );
}

/** Body for oidc-provider's `rpInitiatedLogout.logoutSource`; `form` is provider-generated. */
export function renderLogoutPage(host: string, form: string): string {
  return layout(
    'Đăng xuất — Nhà cung cấp định danh phát triển',
    `<main>
<h1>Bạn có muốn đăng xuất khỏi ${escapeHtml(host)}?</h1>
${form}
<div class="actions">
<button type="submit" class="primary" form="op.logoutForm" name="logout" value="yes" autofocus>Đăng xuất</button>
<button type="submit" class="secondary" form="op.logoutForm">Không, giữ đăng nhập</button>
</div>
</main>`,
  );
}

export function renderLogoutSuccessPage(): string {
  return layout(
    'Đã đăng xuất — Nhà cung cấp định danh phát triển',
    `<main>
<h1>Đã đăng xuất</h1>
<p class="intro">Bạn đã đăng xuất khỏi nhà cung cấp định danh thử nghiệm.</p>
</main>`,
  );
}
