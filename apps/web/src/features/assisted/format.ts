/** hh:mm dd/mm/yyyy in Vietnam's time, whatever the device's zone. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** hh:mm in Vietnam's time. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

/** "0912 345 678" → "0912345678" before checking it (people type spaces and dots). */
export function compactPhone(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export const PHONE = /^(?:\+?84|0)[35789]\d{8}$/;
export const CITIZEN_ID = /^(\d{12})?$/;
