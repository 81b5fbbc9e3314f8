"""CORS for the read API: any web page may read ``/api/`` (GET, HEAD, OPTIONS), without
credentials. Writes get no CORS header (the API refuses them anyway, with 405)."""

READS = ("GET", "HEAD", "OPTIONS")
PREFIX = "/api/"


class ReadCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX) and request.method in READS:
            response["Access-Control-Allow-Origin"] = "*"
            if request.method == "OPTIONS":
                response["Access-Control-Allow-Methods"] = ", ".join(READS)
                response["Access-Control-Allow-Headers"] = "Authorization, X-Api-Key"
                response["Access-Control-Max-Age"] = "86400"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        return response
