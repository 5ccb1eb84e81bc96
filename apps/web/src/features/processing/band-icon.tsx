import type { Band } from '@cqs/shared';

// Small inline icons (no icon font, no emoji: a cheap office PC may have neither). They repeat the
// band's words and are hidden from screen readers.
const paths: Record<Band, string> = {
  overdue: 'M8 1.5 15 14H1L8 1.5Zm-.9 4.5v4h1.8V6H7.1Zm0 5.2V13h1.8v-1.8H7.1Z',
  due_soon:
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.8a5.2 5.2 0 1 0 0 10.4A5.2 5.2 0 0 0 8 2.8Zm-.9 1.7h1.8v3.2l2.4 1.6-1 1.5-3.2-2.1V4.5Z',
  within: 'M6.3 11.6 2.4 7.7l1.3-1.3 2.6 2.6 6-6 1.3 1.3-7.3 7.3Z',
  paused: 'M4 2.5h3v11H4v-11Zm5 0h3v11H9v-11Z',
  none: 'M3 7.1h10v1.8H3V7.1Z',
  done: 'M6.3 11.6 2.4 7.7l1.3-1.3 2.6 2.6 6-6 1.3 1.3-7.3 7.3Z',
};

export function BandIcon({ band }: { band: Band }) {
  return (
    <svg className="band-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={paths[band]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
