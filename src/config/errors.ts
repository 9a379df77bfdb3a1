/** A config problem: stops the run with exit code 2 and one line naming the file and key path. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly detail: string,
  ) {
    super(keyPath ? `${file}: ${keyPath}: ${detail}` : `${file}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** ["rules", "twitter/max-length", 1, "max"] → rules["twitter/max-length"][1].max */
export function formatKeyPath(segments: readonly (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
