"""Workarounds for wagtail-localize behaviour, one module per problem.

Each module's docstring names the upstream behaviour it works around; each has its own test in
``cms/localize_fixes/tests/``. docs/translation.md lists them for editors and maintainers.
"""
