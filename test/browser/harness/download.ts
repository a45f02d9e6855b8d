import { until } from '../fixtures.js';

/** Catches what a download would save: the file's name and its content. */
export async function download(start: () => void): Promise<{ name: string; text: string }> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return createObjectURL.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    names.push(this.download);
  };
  try {
    start();
    await until(() => blobs.length === 1 && names.length === 1, 'the download');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name: names[0]!, text: (await blobs[0]!.text()).replace(/^\uFEFF/, '') };
}
