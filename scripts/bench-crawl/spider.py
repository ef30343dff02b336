"""The Scrapy side of the crawl benchmark: follow every same-host link of the site from
START_URL, parse each page (links and title), like `duban crawl` with politeness off.

Run by run.sh as: scrapy runspider spider.py -a start_url=URL -a max_pages=N
"""
import json
import os

import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule
from urllib.parse import urlparse


class SiteSpider(CrawlSpider):
    name = "site"
    custom_settings = {
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "DEPTH_LIMIT": 0,  # pagination chains are deep; duban does not count them as depth
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    rules = (Rule(LinkExtractor(), callback="parse_page", follow=True),)

    def __init__(self, start_url, max_pages="100000", stats_file="scrapy-stats.json", *a, **kw):
        self.start_urls = [start_url]
        self.allowed_domains = [urlparse(start_url).hostname]
        self.custom_settings["CLOSESPIDER_PAGECOUNT"] = int(max_pages)
        self.stats_file = stats_file
        super().__init__(*a, **kw)

    def parse_start_url(self, response):
        return self.parse_page(response)

    def parse_page(self, response):
        yield {"url": response.url, "title": response.css("title::text").get()}

    def closed(self, reason):
        stats = self.crawler.stats.get_stats()
        with open(self.stats_file, "w") as f:
            json.dump(
                {
                    "pages": stats.get("response_received_count", 0),
                    "status_200": stats.get("downloader/response_status_count/200", 0),
                    "reason": reason,
                },
                f,
            )
