/**
 * Spots the start of a DOCTYPE in a GPX file's prolog as the text streams in. The
 * XML parser reports a DOCTYPE only once it is complete, holding all of it in memory
 * meanwhile, so a huge one must be refused at its start; GPX never has one, and no
 * entity it declares may ever be expanded.
 */
export class DoctypeGuard {
  /** The end of the text already read, where a `<!DOCTYPE` may begin across two chunks. */
  private tail = '';

  /** True when `chunk`, read after what came before, starts a DOCTYPE. */
  starts(chunk: string): boolean {
    const prolog = this.tail + chunk;
    this.tail = prolog.slice(-8);
    return prolog.includes('<!DOCTYPE');
  }
}
