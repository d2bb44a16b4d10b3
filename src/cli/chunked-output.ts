// Output gathered into chunks before it is written: lint's JSON comes a file at a time, and on a
// pipe or a file each stdout write is a system call of its own (4,440 for the bench corpus).

/** Chunks of about 32,000 characters: well under V8's large-object size for strings (128 KB). */
const CHUNK_CHARS = 32_000;

export class ChunkedOutput {
  private parts: string[] = [];
  private length = 0;

  constructor(
    private readonly out: (chunk: string) => void,
    private readonly chunkChars = CHUNK_CHARS,
  ) {}

  /** Bound, so it can be handed on as a callback. */
  readonly write = (text: string): void => {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.chunkChars) this.flush();
  };

  /** Write what is gathered; call it before the output is complete. */
  flush(): void {
    if (this.length === 0) return;
    this.out(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}
