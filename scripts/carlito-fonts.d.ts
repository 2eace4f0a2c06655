export function carlitoFonts(): { config: string; reason?: undefined } | { config?: undefined; reason: string };
