/** What the CLI reads and writes, so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Standard input as bytes (decoded, and refused when not UTF-8, as a file is), or as text. */
  readStdin(): Promise<string | Uint8Array>;
  /** Asks a question and returns the answer; present only when a person is at a terminal. */
  ask?(question: string): Promise<string>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    ...(process.stdin.isTTY && process.stdout.isTTY
      ? {
          async ask(question: string) {
            const { createInterface } = await import('node:readline/promises');
            const prompt = createInterface({ input: process.stdin, output: process.stdout });
            try {
              return await prompt.question(question);
            } finally {
              prompt.close();
            }
          },
        }
      : {}),
  };
}
