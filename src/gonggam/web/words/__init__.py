"""Per-domain UI words: each module defines `KO` and `EN` dicts merged by `web.i18n`."""
