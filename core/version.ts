/** The product's version, as package.json has it (a test holds the two together): what the
 * values-only note names, "APA Sheets <version>". */
export const APP_VERSION = '0.1.0';
