"""Demo data for a fictional council area, and example arguments for every page: loaded only by the
`flask demo` commands, the audio build's list of pages and the tests, never by the site itself."""
