"""JSON Schema building blocks of the OpenAPI document (cms/api/openapi.py) and of what apps contribute."""


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATETIME = {"type": "string", "format": "date-time"}
DATE = {"type": "string", "format": "date"}
URL = {"type": "string", "format": "uri"}
# Filters read either (cms/api/params.py parse_moment).
MOMENT = {"anyOf": [DATETIME, DATE]}
# Page fields (cms/api/fields.py: stream, rich, zoned).
STREAM = {"type": "array", "items": ref("Block")}
RICH_TEXT = {"type": "string", "description": "HTML; links and images use absolute public URLs."}
ZONED = nullable({**DATETIME, "description": "ISO 8601 with the offset of the item's time zone."})
PAGE_REF = nullable(ref("PageRef"))


def obj(properties, required=None, additional=False):
    schema = {"type": "object", "properties": properties, "additionalProperties": additional}
    schema["required"] = list(properties) if required is None else required
    return schema
