"""Name normalisation and the small gazetteers both recognisers share.

Merging across spellings relies on a normalised key: accents folded ("François" ->
"francois"), British spellings mapped to American ("Defence" -> "defense"), titles,
leading articles and possessives removed, punctuation dropped ("U.S." -> "us"). Names of
one thing that no spelling rule joins ("Daesh" / "ISIL" / "Islamic State") are listed in
``ALIASES``.
"""

from __future__ import annotations

import functools
import re
import unicodedata


def word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a block of text."""
    return frozenset(text.split())


# Titles and ranks written before a person's name (lower case, without final period).
PERSON_TITLES = word_set(
    """
    mr mrs ms miss dr prof sir dame lord lady gen general maj major lt lieutenant col colonel
    capt captain cmdr commander adm admiral sgt sergeant cpl corporal brig brigadier
    maj-gen lt-gen lt-col brig-gen major-general lieutenant-general president
    vice-president minister secretary senator sen rep representative gov governor mayor
    chancellor premier king queen prince princess pope sheikh ayatollah judge justice
    ambassador spokesman spokeswoman spokesperson chief rev reverend father bishop
    cardinal imam rabbi coach director chairman chairwoman ceo mp mla councillor daw
    """
)
# Titles written short: they stand before a name, never end one ("Bloomington Police
# Sgt" and "Louisiana Lt" are spans the recogniser cut before the name). Not "Sen":
# a surname too (Amartya Sen); nor "Jr", which ends a name. (The sentence splitter's
# ``clean.sentences.TITLE_ABBREVIATIONS`` is wider: abbreviations a sentence never ends on.)
SHORT_TITLES = word_set("mr mrs ms dr prof gen maj lt col capt cmdr adm sgt cpl brig rep gov rev")
# Titles of an office that are no one's surname (unlike "King", "Major", "Justice"): a
# person's span ending in one names the office, not its holder ("Okinawa Governor" of
# "Okinawa Governor Denny Tamaki").
OFFICE_TITLES = word_set(
    "governor president minister premier mayor chairman chairwoman spokesman spokeswoman "
    "spokesperson secretary senator ambassador director ceo commander"
)
# English given names and the short forms news writes them in ("Jim Hall" is "James E.
# Hall" of the same report): each line, the full form first, then other spellings and
# short forms. Only unambiguous short forms
# ("Al" may be Albert or Alan, "Ted" Edward or Theodore, "Pat" Patrick or Patricia: left
# out).
_GIVEN_NAME_FORMS = """
    james jim jimmy
    william bill billy will willie
    robert bob bobby rob robbie
    richard dick rick ricky rich
    michael mike mick mickey
    thomas tom tommy
    joseph joe joey
    edward ed eddie
    david dave davy
    daniel dan danny
    anthony tony
    charles chuck charlie
    john jack johnny
    lawrence larry
    samuel sammy
    benjamin ben benny binyamin
    mohammed muhammad mohammad mohamed muhammed
    nicholas nick nicky
    matthew matt
    peter pete
    andrew andy
    gregory greg
    gerald jerry
    kenneth ken kenny
    frederick fred freddie
    henry hank
    ronald ron ronnie
    donald don donnie
    douglas doug
    philip phil
    jeffrey jeff
    timothy tim timmy
    stephen steven steve
    eugene gene
    vincent vince
    walter walt
    herbert herb
    raymond ray
    leonard len lenny
    jonathan jon
    elizabeth liz beth betty bettie
    margaret peggy maggie meg
    katherine catherine kate kathy cathy
    susan sue
    jennifer jenny jen
    deborah debbie deb
    patricia patty trish
    """
# Each short form (or other spelling) and the full name it stands for.
GIVEN_NAMES: dict[str, str] = {}
for _line in _GIVEN_NAME_FORMS.strip().splitlines():
    _full, *_short = _line.split()
    for _form in _short:
        GIVEN_NAMES[_form] = _full


def given_name(word: str) -> str:
    """A lower-case given name in its full form ("jim" -> "james"); others as they are."""
    return GIVEN_NAMES.get(word, word)


# Words that may stand between a title and a name ("Prime Minister", "Defence Minister").
TITLE_MODIFIERS = word_set(
    """
    prime foreign defense defence finance interior health justice deputy acting former
    vice chief of the staff state secretary-general secretary general attorney top
    """
)
# Last words that make a capitalised span an organisation ("Pueblo Sin Fronteras", a
# migrants' group the model read as a person; "Reporters Sans Frontieres"; a party's
# group, "Log Cabin Republicans", a person in two briefs of the mix).
ORG_HEADS = word_set(
    """
    force forces army navy ministry department organization organisation institute
    university college school party council corp corporation inc ltd llc co company limited
    plc llp gmbh
    press agency committee guard guards parliament coalition bank group association union
    commission court police office pentagon times news post network foundation fund
    herald tribune journal gazette chronicle telegraph courier examiner inquirer
    united rovers wanderers hotspur fc
    service services authority board alliance senate congress assembly federation league
    club airlines airways brigade brigades corps command centre center hospital church
    government cabinet administration bureau tribunal society movement front hezbollah
    taliban qaeda refinery factory plant directorate awards festival squad
    motors automotive industries holdings technologies pharmaceuticals laboratories
    systems communications entertainment studios petroleum
    fronteras frontieres republicans democrats
    """
)
# Ship prefixes ("INS Mysore", "USS Cole"): a vessel is not a person; briefs list it
# with the organisations (its navy's unit).
VESSEL_PREFIXES = word_set(
    "ins uss hms hmcs hmas rfa mv ss rv usns ns warship frigate destroyer cruiser submarine"
)
# Last words that make a capitalised span a place of nature or a street ("North Anatolian
# Fault", "Sapanca Fault" was an organisation; "Sea of Marmara" is found by its gazetteer;
# the 2,000-article mix listed "American Boulevard" and "Church Ave" as organisations,
# "Snyder Ave" and "Snoqualmie Pass" as people, and "Isleta Pueblo", a New Mexico
# village, as a person; "Thurston County" and "Kitsap County" as people on the 2,000).
PLACE_HEADS = word_set(
    """
    fault river rivers sea lake bay gulf strait straits island islands peninsula valley
    desert mountains mountain mount volcano glacier canyon plateau basin ocean canal reef
    pass street st avenue ave boulevard blvd highway road rd drive lane parkway freeway
    expressway turnpike square pueblo
    county province parish prefecture
    """
)
# First words that make a capitalised span an organisation ("Department of ...").
ORG_STARTS = word_set(
    "department ministry bank university institute office bureau house directorate"
    " parti partido partito partei bloc"  # "Parti Quebecois", "Bloc Quebecois" (persons)
)
# Capitalised words that are never a name by themselves: a compass point ("the North",
# the South's capital: which one, only the sentence says), currencies ("the Euro"), a
# lawyer's post-nominal the model reads apart ("Howard R. Sanders, Esq.": "Esq", a place),
# a page stamp's time zone ("Thu 6 May 2010, 9:03am AEST": "AEST", an organisation), a
# temperature's scale ("25 degrees below zero Fahrenheit": "Fahrenheit", a place on the
# mix) and a process the model calls a person ("Brexit", three briefs of the mix; "the
# Brexit Party" is a name).
NOT_A_NAME = word_set(
    """
    north south east west northern southern eastern western euro euros dollar dollars yen
    yuan pound pounds sterling franc francs lev ruble rouble rupee peso pesos earth esq
    fahrenheit celsius centigrade brexit
    est edt cst cdt mst mdt pst pdt gmt utc bst cet cest eet eest msk ist jst kst hkt sgt
    aest aedt awst acst
    """
)
# A name cut after one of these ("King Abdullah of" of "King Abdullah of Saudi Arabia").
CUT_AFTER = word_set("of and the for de du la le von van")

COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan
|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia
|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile
|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark
|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini
|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala
|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel
|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos
|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi
|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia
|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|New Zealand
|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama
|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda
|Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa
|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan
|Tajikistan|Tanzania|Thailand|Togo|Trinidad|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine
|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam
|Yemen|Zambia|Zimbabwe|Britain|England|Scotland|Wales|America|Europe|Africa|Asia
|Middle East|Gulf|Persian Gulf|Latin America|Caribbean|Balkans|Crimea|Gaza|West Bank
|Kurdistan|Tibet|Hong Kong|Puerto Rico|Greenland|Antarctica|Arctic
"""
CITIES = """
Baghdad|Basra|Mosul|Erbil|Kirkuk|Tehran|Damascus|Aleppo|Beirut|Amman|Jerusalem|Tel Aviv
|Cairo|Riyadh|Dubai|Abu Dhabi|Doha|Kabul|Islamabad|Karachi|Delhi|New Delhi|Mumbai|Beijing
|Shanghai|Hong Kong|Tokyo|Seoul|Pyongyang|Moscow|Kyiv|Kiev|Minsk|Warsaw|Berlin|Paris
|London|Madrid|Rome|Vienna|Brussels|Amsterdam|Geneva|Zurich|Stockholm|Oslo|Copenhagen
|Helsinki|Athens|Istanbul|Ankara|Lisbon|Dublin|Prague|Budapest|Bucharest|Washington
|New York|Los Angeles|Chicago|Boston|San Francisco|Miami|Houston|Dallas|Atlanta|Seattle
|Ottawa|Toronto|Montreal|Vancouver|Calgary|Edmonton|Winnipeg|Quebec|Halifax|Victoria
|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia|Rio de Janeiro
|Sao Paulo|Nairobi|Lagos|Johannesburg|Cape Town|Addis Ababa|Khartoum|Tripoli|Tunis|Algiers
|Sydney|Melbourne|Canberra|Auckland|Wellington|Manila|Jakarta|Bangkok|Hanoi|Singapore
|Kuala Lumpur|Taipei|Sanaa|Aden|Muscat|Manama|Kuwait City|Ramadi|Fallujah
|Tikrit|Idlib|Raqqa|Homs|Benghazi|Mogadishu|Kandahar|Herat|Sochi|Kharkiv|Odesa|Odessa
|Frankfurt|Munich|Hamburg|Milan|Barcelona|Marseille|Lyon|Manchester|Glasgow|Edinburgh
|Ontario|Alberta|British Columbia|B.C.|Manitoba|Saskatchewan|Nova Scotia|California|Texas
|Florida|Virginia|Iowa|Ohio|Michigan|Pennsylvania|Bavaria|Catalonia|Siberia
"""
# Organisations news names without an organisation word: platforms, agencies, outlets.
KNOWN_ORGS = frozenset(
    """
    Twitter|Facebook|Instagram|YouTube|TikTok|Google|Apple|Amazon|Microsoft|Meta|Netflix
    |Uber|Tesla|Boeing|Airbus|Reuters|AP|AFP|Associated Press|Bloomberg|CNN|BBC|CBC|CTV
    |Fox News|NBC|CBS|ABC|Al Jazeera|Xinhua|Pentagon|Kremlin|Hamas|Hezbollah|Taliban
    |al-Qaeda|Al Qaeda|Interpol|Europol|FBI|CIA|NSA|WHO|IMF|OPEC|Red Cross
    """.replace("\n", "").split("|")
)
PLACES = frozenset(
    name.strip() for name in (COUNTRIES + "|" + CITIES).replace("\n", "").split("|") if name.strip()
)

# Capitals and seats of government that news uses for their country's government
# ("Tehran said", "the Kremlin said"): merged into the country when the event names
# both. Lower-case keys -> the country's name.
CAPITALS = {
    name_key_raw: country
    for country, capitals in {
        "Afghanistan": "Kabul", "China": "Beijing", "Egypt": "Cairo", "France": "Paris",
        "Germany": "Berlin", "India": "New Delhi", "Iran": "Tehran", "Iraq": "Baghdad",
        "Israel": "Jerusalem", "Italy": "Rome", "Japan": "Tokyo", "Jordan": "Amman",
        "Lebanon": "Beirut", "North Korea": "Pyongyang", "Pakistan": "Islamabad",
        "Russia": "Moscow|Kremlin", "Saudi Arabia": "Riyadh", "South Korea": "Seoul",
        "Syria": "Damascus", "Turkey": "Ankara", "Ukraine": "Kyiv|Kiev",
        "United Kingdom": "London", "United States": "Washington", "Canada": "Ottawa",
        "Spain": "Madrid", "Qatar": "Doha", "Cuba": "Havana", "Venezuela": "Caracas",
    }.items()
    for name_key_raw in capitals.lower().split("|")
}  # fmt: skip
# Names of one thing that spelling rules cannot join: every variant -> (canonical, type).
_ALIAS_GROUPS: list[tuple[str, str, str]] = [
    (
        "Islamic State",
        "organization",
        "Islamic State|ISIS|ISIL|IS|Daesh|Da'esh|Islamic State of Iraq and the Levant"
        "|Islamic State of Iraq and Syria|Islamic State group|Islamic State of Iraq",
    ),
    ("United States", "place", "United States|U.S.|US|USA|U.S.A.|America|United States of America"),
    ("United Kingdom", "place", "United Kingdom|U.K.|UK|Britain|Great Britain"),
    ("North Korea", "place", "North Korea|DPRK|D.P.R.K.|Democratic People's Republic of Korea"),
    ("South Korea", "place", "South Korea|ROK|Republic of Korea"),
    ("NATO", "organization", "NATO|North Atlantic Treaty Organization|OTAN|Nato"),
    ("United Nations", "organization", "United Nations|UN|U.N."),
    ("European Union", "organization", "European Union|EU|E.U."),
    (
        "Islamic Revolutionary Guard Corps",
        "organization",
        "Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guard|Revolutionary Guards",
    ),
    ("Quds Force", "organization", "Quds Force|Qods Force|al-Quds Force"),
    # Bodies news names by a short name as often as by the full one (the 2,000-article
    # mix: "Federal Reserve" beside "Fed" in two briefs, "NYPD" beside "Police Department",
    # "Oscars" beside "Academy Awards" in two, "Security Council" beside "U.N. Security
    # Council"). Not "New York Police": matched in any case, it took "New York police
    # said" from the city.
    ("Federal Reserve", "organization", "Federal Reserve|Fed|Federal Reserve Board"),
    (
        "New York Police Department",
        "organization",
        "New York Police Department|NYPD|N.Y.P.D.|New York City Police Department",
    ),
    ("Academy Awards", "organization", "Academy Awards|Oscars"),
    (
        "UN Security Council",
        "organization",
        "UN Security Council|U.N. Security Council|United Nations Security Council"
        "|Security Council",
    ),
    # AP style's state abbreviations after a town ("Laramie, Wyo."): those no name shares
    # ("Conn", "Kan", "Ark" and "Miss" are names and words too).
    *(
        (state, "place", f"{state}|{abbreviation}.")
        for state, abbreviation in (
            ("Arizona", "Ariz"),
            ("California", "Calif"),
            ("Colorado", "Colo"),
            ("Florida", "Fla"),
            ("Minnesota", "Minn"),
            ("Oklahoma", "Okla"),
            ("Tennessee", "Tenn"),
            ("Wyoming", "Wyo"),
            ("Michigan", "Mich"),
            ("Nebraska", "Neb"),
            ("Nevada", "Nev"),
        )
    ),
]

# Other names of a place, merged like the groups above; only their other names are looked
# for in the text beside the recogniser's mentions (their own names the model finds).
_OTHER_NAMES: list[tuple[str, str, str]] = [
    # Places renamed, which news calls by both names (DUC 2007 D0706B: "Myanmar (82)" and
    # "Burma (80)", "Yangon (21)" and "Rangoon (3)" listed apart).
    *(
        (name, "place", names)
        for name, names in (
            ("Myanmar", "Myanmar|Burma"),
            ("Yangon", "Yangon|Rangoon"),
            ("Mumbai", "Mumbai|Bombay"),
            ("Kolkata", "Kolkata|Calcutta"),
            ("Ho Chi Minh City", "Ho Chi Minh City|Saigon"),
            ("Sri Lanka", "Sri Lanka|Ceylon"),
            ("Eswatini", "Eswatini|Swaziland"),
            ("Czech Republic", "Czech Republic|Czechia"),
            ("Ivory Coast", "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire"),
        )
    ),
    # The dotted two-letter ones no acronym shares ("S.C." would take the Security
    # Council's "SC"; D0726F: "New Hampshire (15)" beside "N.H. (5)"; D0727G: "District of
    # Columbia (5)" beside "D.C. (4)").
    *(
        (state, "place", f"{state}|{abbreviation}")
        for state, abbreviation in (
            ("District of Columbia", "D.C."),
            ("New Hampshire", "N.H."),
            ("New Jersey", "N.J."),
            ("New Mexico", "N.M."),
            ("New York", "N.Y."),
            ("North Dakota", "N.D."),
            ("Rhode Island", "R.I."),
        )
    ),
]


_SPELLINGS = [
    (r"defence", "defense"),
    (r"offence", "offense"),
    (r"centre", "center"),
    (r"organisation", "organization"),
    (r"labour", "labor"),
    (r"honour", "honor"),
    (r"programme", "program"),
    (r"\bneighbour", "neighbor"),
]


def fold(text: str) -> str:
    """Return ``text`` without accents, lower-cased."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_title(word: str) -> bool:
    """Whether a word is a person's title ("Mr.", "President", "Lt.-Gen.")."""
    return fold(word).rstrip(".").replace(".-", "-") in PERSON_TITLES


# A one-letter word before another: spaced initials, joined by ``name_key``.
_SPACED_INITIALS = re.compile(r"\b(\w) (?=\w\b)")
# A state's abbreviation after a town's name ("Washington D.C.", "Portland, OR").
STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){1,3},?$|^[A-Z]{2},?$")


@functools.lru_cache(maxsize=1 << 16)  # called per mention: a story repeats its names
def name_key(name: str) -> str:
    """Return the key two spellings of one name share ("the U.S." -> "us")."""
    key = fold(name).replace("’", "'")
    key = re.sub(r"'s$", "", key)
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    for british, american in _SPELLINGS:
        key = re.sub(british, american, key)
    key = re.sub(r"[.'\"]", "", key)
    key = re.sub(r"\s+&\s+", " and ", key)  # "Center for Strategic & International Studies"
    key = re.sub(r"[\s\-‑]+", " ", key)
    # Initials written apart are the ones written together: "N. Y." is "N.Y.", "J. K.
    # Rowling" is "J.K. Rowling" (the model's "N. Y." of an ECB+ report was a person).
    key = _SPACED_INITIALS.sub(r"\1", key)
    return key.strip()


ALIASES: dict[str, tuple[str, str]] = {
    name_key(variant): (canonical, kind)
    for canonical, kind, variants in _ALIAS_GROUPS + _OTHER_NAMES
    for variant in variants.split("|")
}
# The spellings looked for in the text beside the recogniser's mentions ("Daesh").
ALIAS_SPELLINGS = frozenset(
    spelling
    for groups, own_name_too in ((_ALIAS_GROUPS, True), (_OTHER_NAMES, False))
    for canonical, _, variants in groups
    for spelling in variants.split("|")
    if own_name_too or spelling != canonical
)
PLACE_KEYS = frozenset(name_key(p) for p in PLACES)
# Countries and regions (not cities, provinces or states), by key and by their other names
# ("U.S."): what an organisation's name may open with and still be the one news names
# without it ("U.S. Senate" / "Senate"; not "Wyoming Senate").
_COUNTRY_NAMES = frozenset(name_key(c) for c in COUNTRIES.replace("\n", "").split("|") if c.strip())
COUNTRY_KEYS = _COUNTRY_NAMES | {
    key for key, (canonical, _) in ALIASES.items() if name_key(canonical) in _COUNTRY_NAMES
}

PLACE_SPELLINGS = {name_key(p): p for p in PLACES}
ORG_KEYS = frozenset(name_key(o.strip()) for o in KNOWN_ORGS if o.strip())


_DEMONYM_ENDINGS = ("an", "ans", "ian", "ians", "ese", "i", "is", "ish", "in", "ins", "er", "ers")
# What follows the place's name (its last letter aside) in its people's name.
_DEMONYM_TAILS = frozenset({"", "n", "ns", "s", *_DEMONYM_ENDINGS})
_ONE_WORD_PLACES: dict[str, list[str]] = {}
for _place in PLACE_KEYS:
    if " " not in _place and len(_place) >= 4:
        _ONE_WORD_PLACES.setdefault(_place[:4], []).append(_place)


# Peoples whose names do not follow their place's ("Briton (2)" was a person of a WCEP
# brief on Cheddar Man); not those that are also names ("Finn", "Dane", "French").
_IRREGULAR_DEMONYM_WORDS = """
    briton britons brits scots swede swedes danes finns poles turks kiwis aussie aussies
    filipino filipinos filipina dutch swiss greek greeks cypriot cypriots basques kurd kurds
    arab arabs croat croats serb serbs slovak slovaks czech czechs uzbek uzbeks kazakh
    kazakhs tajik tajiks afrikaner afrikaners turkmen turkmens chechen chechens pashtun
    pashtuns hazara hazaras uighur uighurs uyghur uyghurs rohingya rohingyas latino latinos
    latina latinas hispanic hispanics cajun cajuns
    aboriginal aboriginals aborigine aborigines indigenous inuit maori maoris"""
_IRREGULAR_DEMONYMS = frozenset(_IRREGULAR_DEMONYM_WORDS.split())


def is_demonym(name: str) -> bool:
    """Whether a one-word name is the people or the adjective of a place the gazetteer
    knows ("Somali", "Montenegrin", "Londoners", "Kuwaiti"): the place's name but its
    last letter, then a demonym ending (not "Indianapolis", "Crimestoppers", "Genesis",
    "Francioni"), or one of the irregular ones ("Briton", "Swedes", "Kurds")."""
    return name_key(name) in _IRREGULAR_DEMONYMS or demonym_place(name) is not None


def demonym_place(name: str) -> str | None:
    """Return the gazetteer key of the place whose people or adjective a one-word name is,
    by the regular endings of ``is_demonym`` ("Pakistani" -> "pakistan"), or None."""
    key = name_key(name)
    if " " in key or not key.endswith(_DEMONYM_ENDINGS) or key in PLACE_KEYS:
        return None
    for place in _ONE_WORD_PLACES.get(key[:4], ()):
        shared = next(
            (i for i, (a, b) in enumerate(zip(place, key, strict=False)) if a != b),
            min(len(place), len(key)),
        )
        if shared >= len(place) - 1 and key[shared:] in _DEMONYM_TAILS:
            return place
    return None


def gazetteer_type(name: str) -> str | None:
    """Return the type the gazetteers give a name (alias table, places, organisations)."""
    key = name_key(name)
    if key in ALIASES:
        return ALIASES[key][1]
    if key in ORG_KEYS:
        return "organization"
    if key in PLACE_KEYS:
        return "place"
    words = key.split()
    if len(words) > 1 and (
        words[-1] in ORG_HEADS or words[0] in ORG_STARTS or words[0] in VESSEL_PREFIXES
    ):
        return "organization"
    if len(words) > 1 and words[-1] in PLACE_HEADS:
        return "place"
    if len(words) > 2 and words[0] in PLACE_HEADS and words[1] == "of":
        return "place"  # "Gulf of Mexico", "Sea of Marmara" (the model: an organisation)
    return None


def strip_title(name: str) -> str:
    """Return a person's name without leading titles ("Gen. Jonathan Vance" -> "Jonathan Vance")."""
    words = name.split()
    while len(words) > 1:
        word = fold(words[0]).rstrip(".")
        if (
            word in PERSON_TITLES
            or word in TITLE_MODIFIERS
            or word.replace(".", "") in PERSON_TITLES
        ):
            words = words[1:]
            continue
        break
    return " ".join(words)


def acronym(name: str) -> str:
    """Return the initials of a name's capitalised words ("Department of Defence" -> "DD")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())
