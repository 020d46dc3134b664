"""The site's pages beyond the stories: parks, home and archives, feeds, data, sitemap, search."""
