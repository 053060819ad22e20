"""STORAGES and the related settings for S3-compatible media storage (settings/production.py).

Reads no environment, so tests build exactly what production uses. Three kinds of files, two places:

* originals of images and documents: the default storage, a **private** bucket; every URL is signed
  and expires after ``url_expire`` seconds. Documents are linked through Wagtail's serve view
  (/documents/<id>/<name>), which checks collection view restrictions and then redirects to such a
  URL; original images through cms.media.original_image, which does the same.
* renditions (the resized images pages show): the ``renditions`` storage, keys under
  ``renditions/``, which the bucket policy makes publicly readable; plain, permanent URLs (or a CDN
  domain) so page HTML stays cacheable.

Short timeouts and one retry: a storage that is down makes an upload fail in seconds with a form
error (cms/upload_forms.py), not hang a worker.
"""

RENDITIONS_PREFIX = "renditions"


def s3_media_settings(
    bucket,
    *,
    endpoint_url=None,
    region=None,
    custom_domain=None,
    url_expire=600,
    timeout=5,
    max_attempts=2,
):
    """Settings (a dict of setting names and values) that store media in ``bucket``."""
    from botocore.config import Config

    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region or None,
        "default_acl": None,  # access comes from the bucket policy, never from object ACLs
        "client_config": Config(
            connect_timeout=timeout,
            read_timeout=timeout,
            retries={"max_attempts": max_attempts, "mode": "standard"},
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint_url else "auto"},
        ),
    }
    return {
        "STORAGES": {
            "default": {
                "BACKEND": "cms.storage.MediaS3Storage",
                "OPTIONS": {
                    **common,
                    # Signed, expiring URLs; never a custom domain, whose URLs django-storages leaves unsigned.
                    "querystring_auth": True,
                    "querystring_expire": url_expire,
                    "file_overwrite": False,
                },
            },
            "renditions": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    **common,
                    "location": RENDITIONS_PREFIX,
                    "querystring_auth": False,
                    "custom_domain": custom_domain or None,
                    # Rendition names carry the filter's hash: no need to ask S3 whether one exists.
                    "file_overwrite": True,
                },
            },
        },
        # Through Wagtail's serve view: collection view restrictions first, then a signed URL.
        "WAGTAILDOCS_SERVE_METHOD": "redirect",
    }


def bucket_policy(bucket, partition="aws"):
    """The bucket policy docs/deployment.md prescribes: anyone may read renditions, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:{partition}:s3:::{bucket}/{RENDITIONS_PREFIX}/*",
            }
        ],
    }
