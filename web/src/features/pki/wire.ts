/**
 * A server payload type as it arrives over JSON: the zod schemas of src/modules/* say `Date`,
 * the wire carries ISO strings.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
