"""Fail when a .po file is stale (its messages differ from the code and templates) or has an
empty or fuzzy entry; locale_overrides/ is only checked for empty or fuzzy entries. Runs
makemessages into a scratch copy of locale/, so the working tree is never changed."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ["de", "fr", "ar_DZ", "en"]
# Every entry of every language must be translated: no interface string may fall back to English.
REQUIRED_COMPLETE = set(LOCALES)


def messages(po_path):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in polib.pofile(str(po_path)) if not entry.obsolete
    }


def compare_catalogue(code, committed_locale, fresh_locale):
    """What is wrong with one language's committed catalogue, as lines for the report."""
    failures = []
    committed = committed_locale / code / "LC_MESSAGES" / "django.po"
    fresh = fresh_locale / code / "LC_MESSAGES" / "django.po"
    shown = f"locale/{code}/LC_MESSAGES/django.po"
    if not committed.exists():
        return [f"{shown} is missing; run `make makemessages`."]
    missing = messages(fresh) - messages(committed)
    extra = messages(committed) - messages(fresh)
    if missing or extra:
        failures.append(
            f"{shown} is stale: {len(missing)} new and {len(extra)} removed message(s); "
            "run `make makemessages` and translate."
        )
        failures.extend(f"    new: {msgid!r}" for _ctx, msgid, _plural in sorted(missing, key=str)[:10])
        failures.extend(f"    removed: {msgid!r}" for _ctx, msgid, _plural in sorted(extra, key=str)[:10])
    untranslated = [
        e.msgid for e in polib.pofile(str(committed)) if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)
    ]
    if untranslated:
        line = f"{shown}: {len(untranslated)} untranslated message(s)"
        if code in REQUIRED_COMPLETE:
            failures.append(line + ", e.g. " + repr(untranslated[0]))
        else:
            print("note: " + line)
    return failures


def main():
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        committed_locale = Path(scratch) / "locale"
        shutil.copytree(ROOT / "locale", committed_locale)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "--ignore=.venv",
                    "--ignore=staticfiles",
                    "--no-obsolete",
                    "--no-location",
                    *[f"-l{code}" for code in LOCALES],
                ],
                cwd=ROOT,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"},
                check=True,
                capture_output=True,
            )
            for code in LOCALES:
                failures.extend(compare_catalogue(code, committed_locale, ROOT / "locale"))
        finally:
            shutil.rmtree(ROOT / "locale")
            shutil.copytree(committed_locale, ROOT / "locale")
    # locale_overrides/ (corrections of Wagtail's and wagtail-localize's catalogues) is kept by hand:
    # not compared with the code, but every entry must be translated.
    for po_path in sorted((ROOT / "locale_overrides").glob("*/LC_MESSAGES/*.po")):
        empty = [e.msgid for e in polib.pofile(str(po_path)) if not e.translated() or "fuzzy" in e.flags]
        if empty:
            failures.append(f"{po_path.relative_to(ROOT)}: untranslated or fuzzy override, e.g. {empty[0]!r}")
    if failures:
        print("\n".join(failures))
        return 1
    print("Translation files are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
