/** A fresh id for one `folders:inspect` request (getRandomValues works on any page, secure or not). */
export function previewRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
