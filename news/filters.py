"""The news listing's filters: topic and country, the same fields and messages as the other listings."""

from programmes.filters import TopicsAndCountriesFilterForm, country_field, topic_field


class NewsFilterForm(TopicsAndCountriesFilterForm):
    topic = topic_field()
    country = country_field()
