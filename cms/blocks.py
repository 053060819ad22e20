"""The one StreamField block library shared by every page type.

No block embeds third-party content: everything a block shows is stored on this platform.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.image_alt import Alt, alt_for, content_language, prefetch_alt_texts

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading level 2")), ("h3", _("Heading level 3")), ("h4", _("Heading level 4"))],
        default="h2",
        help_text=_("Use level 2 for sections, lower levels only inside a section."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """What screen readers hear: this use's own alternative text, else the image's in the active language."""
        return self._alt().text

    @property
    def alt_lang(self):
        """For the img element's ``lang``: the language of the image's own text (German on a French page
        where the image has no French text; see cms.image_alt). None for this use's override, which is
        written in the page's language, as the element around it says."""
        alt = self._image_alt()
        return alt.lang if alt else None

    def _alt(self):
        if self.get("decorative"):
            return Alt("", content_language())
        return self._image_alt() or Alt((self.get("alt_text") or "").strip(), content_language())

    def _image_alt(self):
        """The image's own text, where this use has no override (and is not decorative)."""
        image = self.get("image")
        if self.get("decorative") or (self.get("alt_text") or "").strip() or image is None:
            return None
        return alt_for(image)


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text written once per language on the image, and an optional
    override here for a use where the image says something different.

    The image's own texts (cms.image_alt) are not page content, so translators are not asked to type
    them again on every page: only an override is a segment to translate (wagtail-localize leaves out
    empty strings).
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text for this use"),
        required=False,
        max_length=300,
        help_text=_(
            "Leave empty to use the image's own alternative text. Fill in only if the image says something "
            "different here."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds no information; screen readers will then skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.alt:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _("This image has no alternative text yet. Enter one, or mark the image as decorative.")
                            )
                        ]
                    )
                }
            )
        return value

    # The image chooser fetches all images of a stream at once; their alternative texts follow in one query.
    def bulk_to_python(self, values):
        values = super().bulk_to_python(values)
        prefetch_alt_texts([value.get("image") for value in values])
        return values

    def to_python(self, value):
        value = super().to_python(value)
        prefetch_alt_texts([value.get("image")])
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        value_class = ImageValue


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page on this site or to an external address: exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(_("Choose either a page or an external address."))])}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Link")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_label = blocks.CharBlock(label=_("Button label"), max_length=80)
    link = LinkTargetBlock(label=_("Link target"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("For example “6” or “2017”."))
    label = blocks.CharBlock(label=_("Meaning"), max_length=120)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)


class FactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    facts = blocks.ListBlock(FactBlock(), label=_("Facts"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Facts and figures")
        template = "blocks/facts.html"


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=200, help_text=_("Leave empty to use the document's title.")
    )


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "blocks/document_list.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "blocks/faq.html"


class ContactCardBlock(blocks.StructBlock):
    contact = SnippetChooserBlock(settings.PLATFORM_CONTACT_SNIPPET, label=_("Contact point"))

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "blocks/contact_card.html"


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/rich_text.html")
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    facts = FactsBlock()
    documents = DocumentListBlock()
    faq = FAQBlock()
    contact = ContactCardBlock()


BODY_HELP_TEXT = _(
    "The main text, built from blocks: text, headings, images, quotes, calls to action, facts and figures, "
    "documents, questions and answers, contact cards."
)
