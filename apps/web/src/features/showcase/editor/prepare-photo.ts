/** Longest side sent to the server; the page shows at most 1600 px. */
const MAX_SIDE = 2048;

/**
 * Draws the photo upright (browsers apply the camera's orientation when decoding) and at most
 * 2048 px into a JPEG, so a 5 MB phone photo becomes a few hundred kilobytes before it travels.
 * If the browser cannot (old engine, unusual file), the original goes as it is: the server checks
 * and resizes it anyway.
 */
export async function preparePhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.round(bitmap.width * scale);
    const height = Math.round(bitmap.height * scale);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.88),
    );
    if (!blob) return file;
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'anh'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg' });
  } finally {
    bitmap.close();
  }
}
