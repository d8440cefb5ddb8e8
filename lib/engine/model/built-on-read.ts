const index = /^(?:0|[1-9][0-9]*)$/;

/**
 * A list of `length` items, each built by `build(i)` when it is read and not kept: still an array
 * to every reader (`Array.isArray`, `JSON.stringify`, `map`, `filter`, `for…of`, spread), but
 * writing 10,000 binding reports out then holds one at a time. Reading an item twice builds it
 * twice; a caller that needs them all at once spreads it into a plain array.
 */
export function builtOnRead<T>(length: number, build: (i: number) => T): T[] {
  const item = (prop: string | symbol) => (typeof prop === 'string' && index.test(prop) && Number(prop) < length ? { value: build(Number(prop)) } : undefined);
  return new Proxy(Array.from<T>({ length }), {
    get: (target, prop, receiver) => {
      const built = item(prop);
      return built ? built.value : Reflect.get(target, prop, receiver);
    },
    getOwnPropertyDescriptor: (target, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(target, prop);
      const built = d && item(prop);
      return built ? { ...d, value: built.value } : d;
    },
  });
}
