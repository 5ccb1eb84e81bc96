/** A reply's plain text as blocks: paragraphs, and bullet lists from lines starting with "- ". */
export type ReplyBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const BULLET = /^[-•]\s+/;

export function replyBlocks(text: string): ReplyBlock[] {
  const blocks: ReplyBlock[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (BULLET.test(trimmed)) {
      const item = trimmed.replace(BULLET, '');
      const last = blocks.at(-1);
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else {
      blocks.push({ kind: 'paragraph', text: trimmed });
    }
  }
  return blocks;
}
