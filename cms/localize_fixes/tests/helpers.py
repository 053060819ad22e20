from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_and_publish(instance, code, strings=None):
    """Translate ``instance`` into ``code`` with wagtail-localize, optionally with translated strings
    ({German: translation}), and publish the result as the translation editor's "Publish" does."""
    from wagtail_localize.models import StringSegment, StringTranslation

    translate_object(instance, [locale(code)])
    translation = Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale(code))
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if strings and segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale(code),
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    # wagtail-localize publishes on transaction commit, which never comes inside a test's transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return translation, translation.get_target_instance()
