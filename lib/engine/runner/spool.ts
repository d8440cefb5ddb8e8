import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Spools opened by this process so far, for a name no other spool of it has. */
let spools = 0;

/**
 * An unlinked temporary file a program writes its output into, read back piece by piece once it
 * has ended: a listing of megabytes then never sits in this process while the program that
 * writes it runs. Nothing is left on disk, whatever happens (the name is gone once it is open).
 */
export class Spool {
  private constructor(private readonly file: FileHandle) {}

  static async open(dir = tmpdir()): Promise<Spool> {
    const path = join(dir, `switchyard-spool-${process.pid}-${Date.now()}-${spools++}`);
    // Exclusive: a file of that name already there (left by another process of this pid) is never written into.
    const file = await open(path, 'wx+', 0o600);
    await unlink(path).catch(async (e: unknown) => {
      await file.close();
      throw e;
    });
    return new Spool(file);
  }

  /** The file descriptor a child's standard output is pointed at. */
  get fd(): number {
    return this.file.fd;
  }

  /** Everything written so far, from the start, handed over in pieces of text (a character cut between reads is kept whole). */
  async read(onText: (text: string) => void, pieceBytes = 1 << 14): Promise<void> {
    const buf = Buffer.allocUnsafe(pieceBytes);
    const decoder = new StringDecoder('utf8');
    for (let at = 0; ; ) {
      const { bytesRead } = await this.file.read(buf, 0, buf.length, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const text = decoder.write(buf.subarray(0, bytesRead));
      if (text) onText(text);
    }
    const rest = decoder.end();
    if (rest) onText(rest);
  }

  private closed = false;

  /** Close the file (its space is freed); closing again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }
}
