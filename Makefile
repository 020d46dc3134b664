# Park Digest — `make html` builds the site, `make test` runs the tests.
# Variable names follow the Makefile that pelican-quickstart writes.
PY?=python3
BASEDIR=$(CURDIR)
VENV?=$(BASEDIR)/.venv
PYTHON=$(VENV)/bin/python
PELICAN?=$(VENV)/bin/pelican
PELICANOPTS?=

INPUTDIR?=$(BASEDIR)/content
SEEDS_DIR?=$(BASEDIR)/seeds
OUTPUT_DIR?=$(BASEDIR)/output
OUTPUTDIR=$(OUTPUT_DIR)
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

GITHUB_PAGES_BRANCH?=gh-pages
GITHUB_PAGES_REMOTE?=origin
GITHUB_PAGES_COMMIT_MESSAGE?=Publish the site

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif
RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif
SERVER ?= "127.0.0.1"
PORT ?= 8000
ifneq ($(PORT), 0)
	PELICANOPTS_SERVE = -p $(PORT)
endif
STRICT ?= 0
N ?= 300
ROUNDS ?= 5
export SEEDS_DIR STRICT
# Every PARK_DIGEST_* setting can be given on the make line or in the environment
# (make html PARK_DIGEST_FACT_BOX_SIZE=4); these short names are the engine's.
ifneq ($(ENGINE),)
export PARK_DIGEST_ENGINE=$(ENGINE)
endif
ifneq ($(ENGINE_URL),)
export PARK_DIGEST_ENGINE_URL=$(ENGINE_URL)
endif

STAMP=$(VENV)/.installed-requirements
DEV_STAMP=$(VENV)/.installed-dev-requirements
NPM_STAMP=node_modules/.package-lock.json
PIP_INSTALL=$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt

help:
	@echo 'Park Digest'
	@echo '   make html            build the site into $$OUTPUT_DIR (default output/)'
	@echo '   make test            check the dependencies (deptry), then run the whole test suite'
	@echo '   make serve [PORT=8000]   serve output/ on 127.0.0.1'
	@echo '   make devserver       rebuild on changes and serve'
	@echo '   make clean           remove the output, generated stories and caches'
	@echo '   make publish         build with publishconf.py (absolute URLs)'
	@echo '   make github          publish output/ to the $(GITHUB_PAGES_BRANCH) branch of $(GITHUB_PAGES_REMOTE) (ghp-import)'
	@echo '   make translate       fill missing English through the machine-translation engine'
	@echo '   make review [FILE=…] list the English entries that need a person (machine, outdated, missing)'
	@echo '   make qa              check every English translation against its Chinese, and zh-Hant against MediaWiki'
	@echo '   make bench [N=300] [ROUNDS=5]   measure build cost on a synthetic corpus'
	@echo 'Set SEEDS_DIR=… and OUTPUT_DIR=… to override the defaults; STRICT=1 fails on a rejected seed.'

# The site needs requirements.txt only (the Pages build installs just that); the tests add
# requirements-dev.txt. constraints.txt pins what both bring in.
$(STAMP): requirements.txt constraints.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $@

venv: $(DEV_STAMP)

html: $(STAMP) $(NPM_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"
	rm -rf "$(INPUTDIR)/stories" "$(BASEDIR)/.cache"

regenerate: $(STAMP) $(NPM_STAMP)
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# The servers run under build/together.py, which stops them and all their children on SIGTERM
# (make passes it on to its own child only), Ctrl-C or hang-up.
TOGETHER=exec env PYTHONPATH="$(BASEDIR)/plugins" $(PYTHON) -m park_digest.build.together

serve: $(STAMP) $(NPM_STAMP)
	$(TOGETHER) '$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(PELICANOPTS_SERVE) -b $(SERVER)'

# Pelican's autoreload does not see seeds/ and translations/: a watcher nudges it when they change.
devserver: $(STAMP) $(NPM_STAMP)
	$(TOGETHER) '$(PYTHON) -m park_digest watch --settings "$(CONFFILE)" --content "$(INPUTDIR)"' \
		'$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(PELICANOPTS_SERVE) -b $(SERVER)'

publish: $(STAMP) $(NPM_STAMP)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

# ghp-import commits output/ to the branch (with .nojekyll, so pagefind/ and _-files are served)
# and pushes it; GITHUB_PAGES_REMOTE may be a remote name or a repository path/URL.
github: publish
	$(VENV)/bin/ghp-import -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b "$(GITHUB_PAGES_BRANCH)" -n --no-history -f \
		-p -r "$(GITHUB_PAGES_REMOTE)" "$(OUTPUTDIR)"

# npm installs what package-lock.json pins: Pagefind, which builds the search index (its release
# whose output repeats exactly is on npm only), and axe-core, which the browser tests inject.
$(NPM_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: install Node.js (npm installs Pagefind, package.json)" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error

# Every pinned package is imported (or is a tool pyproject.toml names) and every import is pinned:
# the plugin and tools against requirements.txt, then the tests against both files.
deps: $(DEV_STAMP)
	$(VENV)/bin/deptry --no-ansi plugins tools
	$(VENV)/bin/deptry --no-ansi plugins tools tests --exclude '\.venv' --requirements-files requirements.txt,requirements-dev.txt \
		--requirements-files-dev /dev/null --per-rule-ignores 'DEP002=Markdown|ghp-import|deptry'

test: $(DEV_STAMP) $(NPM_STAMP) deps
	$(PYTHON) -m pytest -q tests

translate: $(STAMP)
	PYTHONPATH=plugins $(PYTHON) -m park_digest translate

# FILE=translations/en/000_x.po (or the seed's name) lists one file only.
review: $(STAMP)
	PYTHONPATH=plugins $(PYTHON) -m park_digest review $(if $(FILE),--file "$(FILE)")

# Both checks run; make fails with the worse of the two.
qa: $(STAMP)
	@PYTHONPATH=plugins $(PYTHON) -m park_digest qa; en=$$?; echo; \
	PYTHONPATH=plugins $(PYTHON) -m park_digest hant-check; zh=$$?; \
	exit $$(( en > zh ? en : zh ))

bench: $(STAMP) $(NPM_STAMP)
	PYTHONPATH=plugins:tools $(PYTHON) -m digest_tools.bench --pages $(N) --rounds $(ROUNDS)

.PHONY: help venv html clean regenerate serve devserver publish github deps test translate review qa bench
