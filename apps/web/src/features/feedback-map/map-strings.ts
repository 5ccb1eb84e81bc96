import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { type Dictionary, registerFeatureStrings } from '../../i18n/feature-strings';

/** Strings of the commune map (namespace `feedbackMap`): they travel with the map's lazy chunk. */
export const feedbackMapVi = {
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  reset: 'Xem toàn tỉnh',
  pin: 'Vị trí đã chọn',
  helpPick:
    'Chạm hoặc bấm vào bản đồ để đặt ghim. Kéo để di chuyển bản đồ, dùng nút + và − để phóng to, thu nhỏ. Với bàn phím: phím mũi tên di chuyển ghim, phím + và − phóng to, thu nhỏ.',
  helpView:
    'Kéo để di chuyển bản đồ, dùng nút + và − để phóng to, thu nhỏ. Với bàn phím: phím mũi tên di chuyển bản đồ.',
  here: 'Đang chỉ: {{name}}',
  outside: 'Ngoài địa giới tỉnh',
  roleDescription: 'bản đồ',
};

export const feedbackMapEn: Dictionary<typeof feedbackMapVi> = {
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  reset: 'Whole province',
  pin: 'Chosen place',
  helpPick:
    'Tap or click the map to drop a pin. Drag to move the map; use + and − to zoom. With a keyboard: arrow keys move the pin, + and − zoom.',
  helpView: 'Drag to move the map; use + and − to zoom. With a keyboard: arrow keys move the map.',
  here: 'Pointing at: {{name}}',
  outside: 'Outside the province',
  roleDescription: 'map',
};

// Small enough to ship both languages in the chunk: no extra request when switching.
registerFeatureStrings('feedbackMap', feedbackMapVi, () => Promise.resolve(feedbackMapEn));

const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

export function useMapT() {
  return useTranslation('feedbackMap', rerenderOnAdded);
}
