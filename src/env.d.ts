interface ImportMetaEnv {
  /** The repository's address, or "" (astro.config.mjs). */
  readonly SITE_REPO: string;
}
