/** The package version, defined by webpack at build time. */
declare const __KITAPHANA_VERSION__: string | undefined;
