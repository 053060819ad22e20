"""Content-Security-Policy, Permissions-Policy and Cross-Origin-Resource-Policy (docs/security.md).

``policies`` picks a response's policy (public page, non-HTML, admin, widget), ``middleware`` writes the
headers, ``reports`` is the endpoint browsers send violation reports to.
"""
