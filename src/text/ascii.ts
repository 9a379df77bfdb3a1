/** Whether a UTF-16 code unit is an ASCII letter, A-Z or a-z (the scanners' fast paths test it per unit). */
export const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
