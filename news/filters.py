"""The news listing's filters: topic and country, the same fields and messages as the other listings."""

from programmes.filters import ListingFilterForm, country_field, topic_field


class NewsFilterForm(ListingFilterForm):
    topic = topic_field()
    country = country_field()

    def apply(self, queryset):
        if key := self.topic_key():
            queryset = queryset.filter(topics__translation_key=key)
        if country := self.valid_value("country"):
            queryset = queryset.filter(countries__code=country)
        return queryset.distinct()
