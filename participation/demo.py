"""The participation app's part of the demo: ``load_demo_content --reset`` leaves pages with submissions."""

from .services import submissions_on_pages


def refuse_reset_with_submissions(pages):
    """Why the demo pages must not be deleted, or None. Submissions protect their pages
    (on_delete=PROTECT): say why instead of failing halfway."""
    registrations, interests = submissions_on_pages(pages.values("pk"))
    if registrations or interests:
        return (
            f"Not reset: {registrations} registration(s) and {interests} expression(s) of interest belong to "
            "the demo pages. Delete them first (manage.py personal_data delete <email>, or the admin)."
        )
    return None
