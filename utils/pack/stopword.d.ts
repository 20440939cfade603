/** The lists the `stopword` package ships, by ISO 639-3 code (it has no types of its own). */
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
  export const fra: string[];
  export const ukr: string[];
  export const rus: string[];
  export const spa: string[];
  export const ita: string[];
  export const pol: string[];
  export const nld: string[];
  export const por: string[];
}
