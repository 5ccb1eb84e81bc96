/**
 * Placeholder pictures for the demo showcases, drawn as SVG at seed time (no download, no stock
 * photo): simple shapes that suggest the subject. No text is drawn, so nothing depends on fonts;
 * the pages themselves say the content is a demo.
 */

export type DemoArt =
  | { kind: 'landscape'; hue: number }
  | { kind: 'coffee'; green?: boolean }
  | { kind: 'durian' }
  | { kind: 'pepper' }
  | { kind: 'macadamia' }
  | { kind: 'brocade'; hue: number }
  | { kind: 'gong' }
  | { kind: 'portrait'; hue: number };

const svg = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;

/** A small deterministic sequence so the same art is drawn on every start. */
function seq(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

function landscape(hue: number): string {
  const hill = (y: number, l: number, amp: number, phase: number) => {
    let d = `M0 ${y}`;
    for (let x = 0; x <= 1200; x += 100) {
      d += ` Q${x + 50} ${y - amp * Math.sin((x + phase) / 180)} ${x + 100} ${y}`;
    }
    return `<path d="${d} L1200 800 L0 800 Z" fill="hsl(${hue} 45% ${l}%)"/>`;
  };
  const rows = Array.from({ length: 9 }, (_, i) => {
    const y = 610 + i * 22;
    return `<path d="M0 ${y} Q600 ${y - 30} 1200 ${y}" stroke="hsl(${hue} 50% 22%)" stroke-width="7" stroke-dasharray="14 10" fill="none"/>`;
  }).join('');
  return svg(
    1200,
    800,
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5ea"/><stop offset="1" stop-color="#f6e7c1"/></linearGradient></defs>
    <rect width="1200" height="800" fill="url(#s)"/>
    <circle cx="930" cy="190" r="80" fill="#ffd166"/>
    ${hill(430, 62, 60, 0)}${hill(500, 48, 50, 90)}${hill(580, 36, 40, 200)}${rows}`,
  );
}

function coffee(green = false): string {
  const r = seq(green ? 9 : 7);
  const [bg, bean, line] = green
    ? ['#e9e2c8', '#8fa27a', '#5d6e4b']
    : ['#c89b6d', '#5b3a1e', '#2e1b0c'];
  const beans = Array.from({ length: 34 }, () => {
    const x = 60 + r() * 680;
    const y = 60 + r() * 680;
    const a = Math.floor(r() * 180);
    return `<g transform="translate(${x.toFixed(0)} ${y.toFixed(0)}) rotate(${a})"><ellipse rx="46" ry="32" fill="${bean}"/><path d="M-40 0 Q0 -12 40 0" stroke="${line}" stroke-width="6" fill="none"/></g>`;
  }).join('');
  return svg(800, 800, `<rect width="800" height="800" fill="${bg}"/>${beans}`);
}

function durian(): string {
  const spikes = Array.from({ length: 28 }, (_, i) => {
    const a = (i / 28) * Math.PI * 2;
    const x = 400 + Math.cos(a) * 250;
    const y = 410 + Math.sin(a) * 270;
    return `<polygon points="${(x - 22).toFixed(0)},${y.toFixed(0)} ${(x + 22).toFixed(0)},${y.toFixed(0)} ${(400 + Math.cos(a) * 305).toFixed(0)},${(410 + Math.sin(a) * 325).toFixed(0)}" fill="#6b8e23"/>`;
  }).join('');
  return svg(
    800,
    800,
    `<rect width="800" height="800" fill="#fdf3c4"/>${spikes}
    <ellipse cx="400" cy="410" rx="255" ry="275" fill="#7da536"/>
    <path d="M400 150 L400 100" stroke="#4d5f1a" stroke-width="26"/>
    <ellipse cx="330" cy="420" rx="70" ry="110" fill="#f7d44c"/><ellipse cx="470" cy="420" rx="70" ry="110" fill="#f3c93a"/>`,
  );
}

function pepper(): string {
  const r = seq(11);
  const clusters = Array.from({ length: 5 }, (_, c) => {
    const x0 = 120 + c * 140;
    let berries = `<path d="M${x0} 80 Q${x0 + 20} 400 ${x0 - 10} 720" stroke="#3d5a1e" stroke-width="8" fill="none"/>`;
    for (let i = 0; i < 22; i++) {
      const t = i / 22;
      const x = x0 + 20 * Math.sin(t * 3) + (r() - 0.5) * 50;
      const y = 110 + t * 590;
      const red = r() < 0.25;
      berries += `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="17" fill="${red ? '#b83227' : '#2f6b2f'}"/>`;
    }
    return berries;
  }).join('');
  return svg(800, 800, `<rect width="800" height="800" fill="#e8f1d8"/>${clusters}`);
}

function macadamia(): string {
  const nuts = [
    [220, 250],
    [520, 230],
    [380, 470],
    [180, 560],
    [610, 540],
  ]
    .map(
      ([x, y], i) =>
        `<circle cx="${x}" cy="${y}" r="120" fill="#8a5a2b"/><circle cx="${x! - 35}" cy="${y! - 40}" r="28" fill="#b07a43"/>` +
        (i === 2
          ? `<path d="M${x! - 120} ${y} A120 120 0 0 1 ${x! + 120} ${y} Z" fill="#f3e3c3"/>`
          : ''),
    )
    .join('');
  return svg(800, 800, `<rect width="800" height="800" fill="#dfe9d0"/>${nuts}`);
}

function brocade(hue: number): string {
  let body = `<rect width="800" height="800" fill="hsl(${hue} 55% 18%)"/>`;
  for (let row = 0; row < 8; row++) {
    const y = row * 100;
    const color = row % 2 ? '#d62828' : '#f6bd60';
    body += `<rect y="${y + 40}" width="800" height="20" fill="${color}"/>`;
    for (let x = 0; x < 800; x += 80) {
      body += `<polygon points="${x + 40},${y + 8} ${x + 72},${y + 50} ${x + 40},${y + 92} ${x + 8},${y + 50}" fill="none" stroke="#f1faee" stroke-width="6"/>`;
    }
  }
  return svg(800, 800, body);
}

function gong(): string {
  return svg(
    800,
    800,
    `<rect width="800" height="800" fill="#3a2e25"/>
    <circle cx="400" cy="400" r="280" fill="#c9a227"/><circle cx="400" cy="400" r="230" fill="#dab945"/>
    <circle cx="400" cy="400" r="90" fill="#b08a1a"/><circle cx="400" cy="400" r="50" fill="#e6c95a"/>
    <path d="M400 120 L400 40" stroke="#7a4e2d" stroke-width="14"/>`,
  );
}

function portrait(hue: number): string {
  return svg(
    600,
    600,
    `<rect width="600" height="600" fill="hsl(${hue} 45% 82%)"/>
    <circle cx="300" cy="235" r="115" fill="hsl(${hue} 30% 35%)"/>
    <path d="M90 600 Q100 390 300 380 Q500 390 510 600 Z" fill="hsl(${hue} 40% 40%)"/>`,
  );
}

export function drawDemoArt(art: DemoArt): Buffer {
  switch (art.kind) {
    case 'landscape':
      return Buffer.from(landscape(art.hue));
    case 'coffee':
      return Buffer.from(coffee(art.green));
    case 'durian':
      return Buffer.from(durian());
    case 'pepper':
      return Buffer.from(pepper());
    case 'macadamia':
      return Buffer.from(macadamia());
    case 'brocade':
      return Buffer.from(brocade(art.hue));
    case 'gong':
      return Buffer.from(gong());
    case 'portrait':
      return Buffer.from(portrait(art.hue));
  }
}
