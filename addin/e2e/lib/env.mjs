// Where the browser tests find things. Debian's Chromium only: the tests never download a browser.
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_MISSING = "Chromium is missing: install the Debian package (apt-get install chromium) and rerun";
