//! Word lists for the actor index and the right-of-reply analysis.

use crate::prebuilt::patterns::{self, NEUTRAL};
use crate::prebuilt::{dfa, Dfa, Hit};
use regex_automata::meta;
use std::sync::{LazyLock, OnceLock};

/// Calls `f` with the ASCII lower-case form of `w`, without allocating for
/// words that are already lower case or short.
#[inline]
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(w);
    }
    if w.len() <= 32 {
        let mut buf = [0u8; 32];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII case mapping keeps UTF-8 valid.
        match std::str::from_utf8(b) {
            Ok(l) => f(l),
            Err(_) => f(&w.to_ascii_lowercase()),
        }
    } else {
        f(&w.to_ascii_lowercase())
    }
}

/// Word lists are probed once or more per token; SipHash dominated the
/// profile, so they use rustc-hash's Fx hashing.
pub type FastSet<T> = rustc_hash::FxHashSet<T>;
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A word list: a hash set behind a (length, first byte, last byte) bit
/// filter that turns most probes away before hashing.
pub struct WordSet {
    set: FastSet<&'static str>,
    filter: Box<[u64; 256]>,
}

impl WordSet {
    #[inline]
    fn slot(w: &[u8]) -> Option<(usize, u64)> {
        let (&first, &last) = (w.first()?, w.last()?);
        let key =
            ((w.len() & 15) << 10) | ((usize::from(first) & 31) << 5) | (usize::from(last) & 31);
        Some((key >> 6, 1u64 << (key & 63)))
    }

    /// [`WordSet::slot`] for tables worked out when the crate is compiled.
    const fn const_slot(w: &[u8]) -> Option<(usize, u64)> {
        let (first, last) = match *w {
            [first, .., last] => (first, last),
            [b] => (b, b),
            [] => return None,
        };
        let key = ((w.len() & 15) << 10) | ((first as usize & 31) << 5) | (last as usize & 31);
        Some((key >> 6, 1u64 << (key & 63)))
    }

    /// Is `w`, its ASCII letters lowered, in the list? (The filter keeps a
    /// byte's low five bits, the same for both cases of an ASCII letter: it
    /// runs on `w` as it is, and turns most words away before any lowering.)
    #[inline]
    pub fn contains_lower(&self, w: &str) -> bool {
        match Self::slot(w.as_bytes()) {
            Some((i, bit)) => self.filter[i] & bit != 0 && with_lower(w, |l| self.set.contains(l)),
            None => self.set.contains(w),
        }
    }

    /// Might `w` be in the list (exactly)? The filter alone: most words
    /// are turned away on their bytes, before a `&str` is cut for
    /// [`WordSet::contains`].
    #[inline]
    pub fn may_contain(&self, w: &[u8]) -> bool {
        match Self::slot(w) {
            Some((i, bit)) => self.filter[i] & bit != 0,
            None => true,
        }
    }

    /// Is token `t` of `text` (exactly) in the list? ([`WordSet::contains`]
    /// on its text, the filter read on its bytes first.)
    #[inline]
    pub fn has_tok(&self, text: &str, t: &crate::actors::index::Tok) -> bool {
        self.may_contain(t.bytes(text)) && self.set.contains(t.span().slice(text))
    }

    /// [`WordSet::contains_lower`] of token `t` of `text`, the filter read
    /// on its bytes first.
    #[inline]
    pub fn has_tok_lower(&self, text: &str, t: &crate::actors::index::Tok) -> bool {
        self.may_contain(t.bytes(text))
            && with_lower(t.span().slice(text), |l| self.set.contains(l))
    }

    /// The list's words (for tests).
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.set.iter().copied()
    }

    /// Is `w` (exactly, case-sensitively) in the list?
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, w: &Q) -> bool {
        let w = w.as_ref();
        match Self::slot(w.as_bytes()) {
            Some((i, bit)) => self.filter[i] & bit != 0 && self.set.contains(w),
            None => self.set.contains(w),
        }
    }
}

fn set(words: &[&'static str]) -> WordSet {
    let mut filter = Box::new([0u64; 256]);
    for w in words {
        if let Some((i, bit)) = WordSet::slot(w.as_bytes()) {
            filter[i] |= bit;
        }
    }
    WordSet {
        set: words.iter().copied().collect(),
        filter,
    }
}

/// Capitalised titles that stand before a name and become a descriptor.
pub static TITLE_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Mayor",
        "Sen.",
        "Sens.",
        "Rep.",
        "Reps.",
        "Gov.",
        "Lt.",
        "Dr.",
        "Sgt.",
        "Det.",
        "Capt.",
        "Gen.",
        "Col.",
        "Maj.",
        "Cpl.",
        "Pvt.",
        "Cmdr.",
        "Adm.",
        "Prof.",
        "Rev.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Msgr.",
        "Fr.",
        "Supt.",
        "Insp.",
        "Atty.",
        "Judge",
        "Justice",
        "Commissioner",
        "Councilmember",
        "Councilwoman",
        "Councilman",
        "Alderman",
        "Alderwoman",
        "Supervisor",
        "Superintendent",
        "Chief",
        "President",
        "President-elect",
        "Vice",
        "Ambassador",
        "Secretary",
        "Director",
        "Coach",
        "Officer",
        "Sheriff",
        "Treasurer",
        "Auditor",
        "Inspector",
        "Trooper",
        "Detective",
        "Sergeant",
        "Captain",
        "Lieutenant",
        "Principal",
        "Dean",
        "Chancellor",
        "Provost",
        "Bishop",
        "Pastor",
        "Father",
        "Speaker",
        "Senator",
        "Representative",
        "Governor",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Chair",
        "Trustee",
        "Assemblyman",
        "Assemblywoman",
        "Assemblymember",
        "Delegate",
        "Prosecutor",
        "Attorney",
        "Comptroller",
        "Controller",
        "Clerk",
        "Marshal",
        "Deputy",
        "Assistant",
        "Manager",
        "Administrator",
        "Executive",
        "CEO",
        "Minister",
        "Premier",
        "Chancellor",
        "Pope",
        "Rabbi",
        "Imam",
        "Ald.",
        "Resident",
        "Tenant",
        "Homeowner",
        "Student",
        "Volunteer",
        "Nurse",
        "Teacher",
        "Lawyer",
        "Farmer",
        "Sophomore",
        "Junior",
        "Senior",
        "Freshman",
    ])
});

/// Party labels split off as their own descriptor ("Republican state Sen.").
pub static PARTY: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Republican",
        "Democratic",
        "Democrat",
        "Independent",
        "Libertarian",
        "Green",
        "Conservative",
        "Labour",
    ])
});

/// Role nouns heading a descriptor ("city spokesperson", "a compliance analyst").
pub static ROLE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "attorney",
        "lawyer",
        "counsel",
        "director",
        "officer",
        "chief",
        "manager",
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "member",
        "coach",
        "player",
        "midfielder",
        "forward",
        "defender",
        "goalkeeper",
        "quarterback",
        "pitcher",
        "guard",
        "analyst",
        "economist",
        "researcher",
        "accountant",
        "contractor",
        "advisor",
        "adviser",
        "supervisor",
        "engineer",
        "treasurer",
        "commissioner",
        "councilmember",
        "superintendent",
        "ambassador",
        "senator",
        "challenger",
        "candidate",
        "mayor",
        "governor",
        "steward",
        "booster",
        "owner",
        "founder",
        "co-founder",
        "executive",
        "ceo",
        "secretary",
        "judge",
        "sergeant",
        "detective",
        "deputy",
        "captain",
        "nurse",
        "teacher",
        "principal",
        "professor",
        "student",
        "worker",
        "employee",
        "representative",
        "partner",
        "consultant",
        "investigator",
        "inspector",
        "auditor",
        "prosecutor",
        "trustee",
        "administrator",
        "clerk",
        "scientist",
        "doctor",
        "physician",
        "surgeon",
        "pastor",
        "priest",
        "minister",
        "legislator",
        "lawmaker",
        "strategist",
        "activist",
        "organizer",
        "leader",
        "head",
        "planner",
        "specialist",
        "technician",
        "operator",
        "driver",
        "pilot",
        "firefighter",
        "paramedic",
        "trooper",
        "marshal",
        "sheriff",
        "agent",
        "reporter",
        "editor",
        "writer",
        "columnist",
        "historian",
        "expert",
        "economist",
        "veteran",
        "resident",
        "landlord",
        "tenant",
        "developer",
        "builder",
        "architect",
        "officials",
        "official",
        "aide",
        "staffer",
        "dean",
        "chancellor",
        "provost",
        "comptroller",
        "controller",
        "vice",
        "son-in-law",
        "daughter-in-law",
        "confidant",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "mother",
        "father",
        "widow",
        "friend",
        "donor",
        "investor",
        "shareholder",
        "client",
        "customer",
        "vendor",
        "supplier",
        "provider",
        "hauler",
        "company",
        "firm",
        "startup",
        "group",
        "committee",
        "app",
        "agency",
        "nonprofit",
        "organization",
        "organisation",
        "association",
        "union",
        "team",
        "club",
        "coalition",
        "network",
        "platform",
        "service",
        "business",
        "operator",
        "maker",
        "manufacturer",
        "retailer",
        "chain",
        "bank",
        "lender",
        "insurer",
        "hospital",
        "clinic",
        "utility",
        "publisher",
        "newspaper",
        "broadcaster",
        "outlet",
        "fund",
        "charity",
        "foundation",
        "institute",
        "center",
        "council",
        "board",
        "department",
        "office",
        "district",
        "university",
        "college",
        "school",
        "court",
        "panel",
        "commission",
        "subsidiary",
        "affiliate",
        "unit",
        "division",
        "contractor",
        "processor",
        "carrier",
        "landowner",
        "operator",
        "producer",
        "distributor",
        "pharmacist",
        "dentist",
        "coroner",
        "examiner",
        "lobbyist",
        "fundraiser",
        "staff",
        "graduate",
        "associate",
        "fellow",
        "instructor",
        "tutor",
        "counselor",
        "therapist",
        "psychologist",
        "officer",
        "warden",
        "guard",
        "chaplain",
        "captain",
    ])
});

/// Role nouns whose holder speaks for the organisation or person they are tied to.
pub static SPEAKS_FOR: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "attorney",
        "lawyer",
        "counsel",
        "representative",
        "executive",
        "ceo",
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "chief",
        "superintendent",
        "owner",
        "founder",
        "co-founder",
        "head",
        "mayor",
        "governor",
        "secretary",
        "sheriff",
        "director",
    ])
});

/// Roles outside the body they are tied to: no coverage runs through them.
pub static OUTSIDE_ROLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "contractor",
        "consultant",
        "booster",
        "donor",
        "investor",
        "shareholder",
        "client",
        "customer",
        "vendor",
        "supplier",
        "provider",
        "hauler",
        "challenger",
        "candidate",
        "critic",
        "opponent",
        "rival",
        "tenant",
        "landlord",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "mother",
        "father",
        "widow",
        "friend",
        "confidant",
        "son-in-law",
        "daughter-in-law",
        "partner",
        "resident",
        "fan",
        "supporter",
        "ally",
        "family",
        "relative",
        "relatives",
        "parent",
        "parents",
        "lobbyist",
        "fundraiser",
        "affiliate",
    ])
});

/// Kinship and friendship nouns: their statements never cover anyone.
pub static KIN: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "sister",
        "brother",
        "wife",
        "husband",
        "mother",
        "father",
        "son",
        "daughter",
        "family",
        "relative",
        "relatives",
        "parents",
        "parent",
        "friend",
        "friends",
        "cousin",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "widow",
        "widower",
        "fiancee",
        "fiance",
        "partner",
        "girlfriend",
        "boyfriend",
        "grandmother",
        "grandfather",
        "mom",
        "dad",
        "sibling",
        "siblings",
        "neighbor",
        "neighbors",
        "ally",
        "allies",
        "supporters",
        "supporter",
    ])
});

/// Last words that make a capitalised name an organisation.
pub static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Inc.",
        "Inc",
        "Corp.",
        "Corp",
        "Co.",
        "Co",
        "Ltd.",
        "Ltd",
        "LLC",
        "LLP",
        "PLC",
        "plc",
        "Company",
        "Companies",
        "Corporation",
        "Incorporated",
        "Group",
        "Holdings",
        "Partners",
        "Associates",
        "Services",
        "Solutions",
        "Systems",
        "Technologies",
        "Technology",
        "Labs",
        "Laboratories",
        "Logistics",
        "Hosting",
        "Forensics",
        "Economics",
        "Consulting",
        "Capital",
        "Ventures",
        "Bank",
        "Trust",
        "Fund",
        "Foundation",
        "Institute",
        "Council",
        "Department",
        "Dept.",
        "University",
        "College",
        "School",
        "Schools",
        "Academy",
        "Police",
        "Post",
        "Times",
        "Tribune",
        "Journal",
        "Herald",
        "Gazette",
        "News",
        "Press",
        "Ledger",
        "Hospital",
        "Clinic",
        "Health",
        "Healthcare",
        "Medical",
        "Center",
        "Centre",
        "Board",
        "Commission",
        "Committee",
        "Authority",
        "Agency",
        "Administration",
        "Bureau",
        "Office",
        "Guild",
        "Union",
        "Association",
        "Federation",
        "League",
        "Conference",
        "Society",
        "Club",
        "Coalition",
        "Alliance",
        "Network",
        "Power",
        "Energy",
        "Electric",
        "Utilities",
        "Water",
        "Chamber",
        "Commerce",
        "Industries",
        "Manufacturing",
        "Finishing",
        "Works",
        "Mills",
        "Foods",
        "Farms",
        "Pharmaceuticals",
        "Motors",
        "Airlines",
        "Railroad",
        "Railway",
        "Insurance",
        "Financial",
        "Securities",
        "Realty",
        "Properties",
        "Property",
        "Construction",
        "Builders",
        "Media",
        "Studios",
        "Records",
        "Entertainment",
        "Pay",
        "Payments",
        "Staffing",
        "Hosting",
        "EMS",
        "Cross",
        "Guard",
        "Army",
        "Navy",
        "Force",
        "Corps",
        "Court",
        "Senate",
        "Assembly",
        "Legislature",
        "Congress",
        "Parliament",
        "Ministry",
        "Party",
        "Campaign",
        "Fire",
        "Sheriff's",
        "District",
        "Unified",
        "Church",
        "Diocese",
        "Mission",
        "Project",
        "Initiative",
        "Accountability",
        "Families",
        "Reuters",
        "Kremlin",
        "Enterprises",
        "Brands",
        "Markets",
        "Stores",
        "Supply",
        "Transit",
        "Transport",
        "Airport",
        "Exchange",
        "Review",
        "Magazine",
        "Broadcasting",
        "Television",
        "Radio",
        "Team",
        "Squad",
        "Cooperative",
        "Co-op",
        "Paving",
        "Heating",
        "Cooling",
        "Electrical",
        "Contractors",
        "Contracting",
        "Plumbing",
        "Roofing",
        "Trucking",
        "Hauling",
        "Freight",
        "Shipping",
        "Mining",
        "Drilling",
        "Printing",
        "Brewing",
        "Catering",
        "Towing",
        "Landscaping",
        "Disposal",
        "Recycling",
        "Sanitation",
        "Security",
        "Analytics",
        "Software",
        "Pharmacy",
        "Dental",
        "Motors",
        "Automotive",
        "Aviation",
        "Concrete",
        "Demolition",
        "Excavation",
        "Electric",
        "Mechanical",
        "Engineering",
        "Architects",
        "Advisors",
        "Management",
        "Investments",
        "Lending",
        "Mortgage",
        "Credit",
        "Apparel",
        "Outfitters",
        "Supply",
        "Dairy",
        "Bakery",
        "Grocers",
        "Growers",
        "Farms",
        "Ranch",
        "Lumber",
        "Steel",
        "Chemicals",
        "Plastics",
        "Metals",
        "Textiles",
        "Wireless",
        "Telecom",
        "Communications",
        "House",
        "Partnership",
        "Caucus",
        "PAC",
        "Labor",
        "Legal",
        "Law",
        "Counsel",
    ])
});

/// Organisation heads that refer back to the organisation ("the company").
pub fn class_of_head(word: &str) -> Option<&'static str> {
    // (the periods trimmed byte by byte: a word's length rules most out
    // first)
    let b = word.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1] == b'.' {
        n -= 1;
    }
    if !(2..=14).contains(&n) {
        return None;
    }
    let w = word.get(..n).unwrap_or("");
    let (filter, _) = &*CLASS_MAP;
    match case_free_slot(w.as_bytes()) {
        Some((i, bit)) if filter[i] & bit != 0 => with_lower(w, class_of_lower),
        _ => None,
    }
}

/// The class nouns: a head word (ASCII lower case) and the class it names.
pub(super) const CLASS_HEADS: &[(&str, &str)] = &[
    ("inc", "company"),
    ("corp", "company"),
    ("co", "company"),
    ("ltd", "company"),
    ("llc", "company"),
    ("company", "company"),
    ("corporation", "company"),
    ("group", "company"),
    ("holdings", "company"),
    ("partners", "company"),
    ("services", "company"),
    ("solutions", "company"),
    ("systems", "company"),
    ("technologies", "company"),
    ("labs", "company"),
    ("logistics", "company"),
    ("hosting", "company"),
    ("forensics", "company"),
    ("economics", "company"),
    ("consulting", "company"),
    ("capital", "company"),
    ("ventures", "company"),
    ("industries", "company"),
    ("manufacturing", "company"),
    ("finishing", "company"),
    ("works", "company"),
    ("foods", "company"),
    ("pay", "company"),
    ("payments", "company"),
    ("staffing", "company"),
    ("firm", "company"),
    ("startup", "company"),
    ("enterprises", "company"),
    ("brands", "company"),
    ("trust", "company"),
    ("properties", "company"),
    ("realty", "company"),
    ("construction", "company"),
    ("media", "company"),
    ("app", "company"),
    ("business", "company"),
    ("maker", "company"),
    ("manufacturer", "company"),
    ("retailer", "company"),
    ("chain", "company"),
    ("provider", "company"),
    ("insurer", "company"),
    ("lender", "company"),
    ("hauler", "company"),
    ("operator", "company"),
    ("studios", "company"),
    ("motors", "company"),
    ("airlines", "company"),
    ("university", "university"),
    ("college", "college"),
    ("school", "school"),
    ("schools", "school"),
    ("academy", "school"),
    ("hospital", "hospital"),
    ("clinic", "hospital"),
    ("medical", "hospital"),
    ("healthcare", "hospital"),
    ("district", "district"),
    ("unified", "district"),
    ("board", "board"),
    ("council", "council"),
    ("commission", "commission"),
    ("committee", "committee"),
    ("pac", "committee"),
    ("fund", "fund"),
    ("department", "department"),
    ("dept", "department"),
    ("police", "police"),
    ("guild", "union"),
    ("union", "union"),
    ("agency", "agency"),
    ("authority", "agency"),
    ("bureau", "agency"),
    ("administration", "agency"),
    ("foundation", "foundation"),
    ("institute", "foundation"),
    ("charity", "foundation"),
    ("nonprofit", "foundation"),
    ("team", "team"),
    ("club", "team"),
    ("office", "office"),
    ("campaign", "campaign"),
    ("bank", "bank"),
    ("post", "newspaper"),
    ("times", "newspaper"),
    ("tribune", "newspaper"),
    ("journal", "newspaper"),
    ("herald", "newspaper"),
    ("gazette", "newspaper"),
    ("newspaper", "newspaper"),
    ("conference", "association"),
    ("league", "association"),
    ("association", "association"),
    ("federation", "association"),
    ("power", "utility"),
    ("energy", "utility"),
    ("electric", "utility"),
    ("utilities", "utility"),
    ("utility", "utility"),
    ("plant", "plant"),
    ("mill", "plant"),
    ("factory", "plant"),
    ("refinery", "plant"),
];

/// [`CLASS_HEADS`] as a map, behind a [`WordSet`]-style (length, first
/// byte, last byte) filter: the filter ignores ASCII case, so it can turn a
/// word away before it is lower-cased.
/// A word filter (as [`WordSet`]'s) and the map behind it.
type FilteredMap = (Box<[u64; 256]>, FastMap<&'static str, &'static str>);

static CLASS_MAP: LazyLock<FilteredMap> = LazyLock::new(|| {
    let mut filter = Box::new([0u64; 256]);
    for &(w, _) in CLASS_HEADS {
        if let Some((i, bit)) = case_free_slot(w.as_bytes()) {
            filter[i] |= bit;
        }
    }
    (filter, CLASS_HEADS.iter().copied().collect())
});

fn class_of_lower(w: &str) -> Option<&'static str> {
    CLASS_MAP.1.get(w).copied()
}

/// Collective bodies of equals: their head does not speak for each member.
pub static COLLEGIAL: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "board",
        "council",
        "commission",
        "committee",
        "senate",
        "legislature",
        "assembly",
        "caucus",
        "court",
        "panel",
    ])
});

/// Last words that make a capitalised name a place, not an actor.
pub static PLACE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Street",
        "St.",
        "Avenue",
        "Ave.",
        "Road",
        "Rd.",
        "Boulevard",
        "Blvd.",
        "Lane",
        "Drive",
        "Way",
        "Highway",
        "Parkway",
        "Route",
        "Field",
        "Park",
        "Stadium",
        "Arena",
        "Tower",
        "Towers",
        "Hall",
        "Square",
        "Plaza",
        "Bridge",
        "Creek",
        "River",
        "Lake",
        "Bay",
        "Beach",
        "Harbor",
        "Harbour",
        "Heights",
        "Hills",
        "Hill",
        "Falls",
        "Springs",
        "Valley",
        "Mountain",
        "Mountains",
        "Island",
        "Islands",
        "Coast",
        "County",
        "City",
        "Township",
        "Village",
        "Borough",
        "Canyon",
        "Forest",
        "Pond",
        "Ocean",
        "Sea",
        "Gulf",
        "Peninsula",
        "Day",
        "Eve",
        "Building",
        "Mall",
        "Station",
        "Terminal",
        "Court",
        "Circle",
        "Place",
        "Ridge",
        "Point",
        "Ford",
        "Crossing",
        "Heath",
        "Grove",
        "Gardens",
    ])
});

/// First words that make a capitalised name a place ("Lake Michigan").
pub static PLACE_FIRST: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Lake", "Mount", "Mt.", "Fort", "Ft.", "Port", "Cape", "Camp", "Lakes",
    ])
});

/// Well-known places that are never actors on their own.
pub static PLACES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "North",
        "South",
        "East",
        "West",
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New",
        "Hampshire",
        "Jersey",
        "Mexico",
        "York",
        "Carolina",
        "Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Rhode",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "Wisconsin",
        "Wyoming",
        "America",
        "United",
        "States",
        "U.S.",
        "US",
        "U.K.",
        "UK",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Ireland",
        "Canada",
        "China",
        "Russia",
        "Moscow",
        "Ukraine",
        "Europe",
        "Asia",
        "Africa",
        "Germany",
        "France",
        "Japan",
        "India",
        "Israel",
        "Iran",
        "Iraq",
        "Syria",
        "Beijing",
        "London",
        "Paris",
        "Chicago",
        "Boston",
        "Denver",
        "Portland",
        "Seattle",
        "Atlanta",
        "Dallas",
        "Houston",
        "Miami",
        "Phoenix",
        "Detroit",
        "Philadelphia",
        "Pittsburgh",
        "Austin",
        "Honolulu",
        "Indianapolis",
        "Milwaukee",
        "Minneapolis",
        "Baltimore",
        "Cleveland",
        "Cincinnati",
        "Columbus",
        "Nashville",
        "Memphis",
        "Orlando",
        "Tampa",
        "Sacramento",
        "Oakland",
        "Brooklyn",
        "Manhattan",
        "Queens",
        "Bronx",
        "Midwest",
        "Northeast",
        "Southwest",
        "Pacific",
        "Atlantic",
        "D.C.",
        "Mich.",
        "Ore.",
        "Wis.",
        "Pa.",
        "Ind.",
        "Calif.",
        "Colo.",
        "Conn.",
        "Fla.",
        "Ga.",
        "Ill.",
        "Kan.",
        "Ky.",
        "La.",
        "Md.",
        "Mass.",
        "Minn.",
        "Miss.",
        "Mo.",
        "Mont.",
        "Neb.",
        "Nev.",
        "Okla.",
        "Tenn.",
        "Vt.",
        "Va.",
        "Wash.",
        "Wyo.",
        "Ala.",
        "Ariz.",
        "Ark.",
        "Del.",
        "N.Y.",
        "N.J.",
        "N.C.",
        "S.C.",
        "N.H.",
        "N.M.",
    ])
});

/// Capitalised words that are never names on their own (sentence openers,
/// calendar words, pronouns...).
pub static COMMON_CAPS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "To",
        "By",
        "With",
        "From",
        "As",
        "And",
        "But",
        "Or",
        "Nor",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Until",
        "Because",
        "Although",
        "Though",
        "Under",
        "Over",
        "During",
        "About",
        "Among",
        "According",
        "Despite",
        "Without",
        "Within",
        "Through",
        "Into",
        "Onto",
        "Upon",
        "Near",
        "Outside",
        "Inside",
        "Across",
        "Between",
        "Behind",
        "Beyond",
        "Like",
        "Unlike",
        "Also",
        "Still",
        "Even",
        "Only",
        "Just",
        "Then",
        "There",
        "Here",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "Him",
        "Them",
        "Us",
        "Me",
        "Who",
        "What",
        "Which",
        "Where",
        "Why",
        "How",
        "Some",
        "Many",
        "Most",
        "Several",
        "Few",
        "All",
        "Both",
        "Each",
        "Every",
        "Any",
        "No",
        "Not",
        "None",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Yesterday",
        "Today",
        "Tomorrow",
        "Tonight",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Now",
        "Once",
        "Meanwhile",
        "However",
        "Instead",
        "Officials",
        "Police",
        "Critics",
        "Residents",
        "Experts",
        "Analysts",
        "Sources",
        "Prosecutors",
        "Investigators",
        "Workers",
        "Employees",
        "Parents",
        "Teachers",
        "Students",
        "Players",
        "Fans",
        "Neighbors",
        "Witnesses",
        "People",
        "Others",
        "Supporters",
        "Opponents",
        "Caption",
        "Photo",
        "Source",
        "Sources",
        "UPDATE",
        "Update",
        "Notably",
        "Republican",
        "Democratic",
        "Democrat",
        "Democrats",
        "Republicans",
        "Federal",
        "State",
        "County",
        "City",
        "National",
        "Internet",
        "Court",
        "Senate",
        "House",
        "Congress",
        "Mr.",
        "Ms.",
        "Mrs.",
        "Dr.",
        "Is",
        "Was",
        "Are",
        "Were",
        "Has",
        "Have",
        "Had",
        "Will",
        "Would",
        "Can",
        "Could",
        "Should",
        "May",
        "Might",
        "Must",
        "Do",
        "Does",
        "Did",
        "Be",
        "Yes",
        "OK",
        "Ok",
        "Oh",
        "Please",
        "Thank",
        "Thanks",
        "Hello",
        "Well",
        "Let",
        "Let's",
        "Nobody",
        "Everybody",
        "Everyone",
        "Someone",
        "Somebody",
        "Anyone",
        "Nothing",
        "Everything",
        "Something",
        "Under",
        "Exposure",
        "Results",
        "Attendance",
        "Enrollment",
        "Testimony",
        "Jurors",
        "Users",
        "Members",
        "Nurses",
        "Patients",
        "Patient",
        "Breaches",
        "Use-of-force",
        "Smoke",
        "Practice",
        "Library",
        "Revenue",
        "Visits",
        "About",
        "More",
        "Less",
        "Much",
        "Such",
        "Other",
        "Another",
        "Same",
        "Such",
        "TK",
        "ET",
        "EST",
        "EDT",
        "PT",
        "PST",
        "PDT",
        "CT",
        "CST",
        "CDT",
        "MT",
        "GMT",
        "UTC",
        "AM",
        "PM",
        "TV",
        "GPS",
        "ZIP",
        "CEO",
        "HR",
        "PFAS",
        "DNA",
        "ID",
        "FAQ",
        "OK",
        "USA",
        "UN",
        "EU",
        "NATO",
        "AP",
        "Ap",
    ])
});

/// Words that end a pre-name descriptor when walking backwards from a name.
pub static STOP: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "for",
        "to",
        "by",
        "with",
        "from",
        "at",
        "in",
        "on",
        "as",
        "into",
        "onto",
        "about",
        "against",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "had",
        "have",
        "will",
        "would",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "not",
        "no",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "them",
        "us",
        "me",
        "after",
        "before",
        "when",
        "while",
        "since",
        "because",
        "if",
        "then",
        "also",
        "met",
        "sent",
        "hired",
        "fired",
        "named",
        "made",
        "left",
        "took",
        "gave",
        "saw",
        "called",
        "asked",
        "urged",
        "thanked",
        "praised",
        "joined",
        "replaced",
        "succeeded",
        "beat",
        "defeated",
        "against",
        "between",
        "among",
        "like",
        "unlike",
        "per",
        "via",
        "toward",
        "towards",
        "over",
        "under",
        "during",
        "through",
        "without",
        "within",
        "around",
        "near",
        "behind",
        "including",
        "according",
        "where",
        "how",
        "what",
        "why",
        "all",
        "both",
        "each",
        "every",
        "some",
        "many",
        "most",
        "several",
        "this",
        "these",
        "those",
        "there",
        "here",
        "out",
        "up",
        "down",
        "off",
        "so",
        "just",
        "only",
        "even",
        "still",
        "yet",
        "both",
        "let",
        "lets",
        "know",
        "knew",
        "won",
        "lost",
        "sued",
        "accused",
        "blamed",
        "faulted",
        "charged",
        "cited",
        "fined",
        "suspended",
        "told",
        "meet",
        "meets",
    ])
});

/// Reporting verbs: their subject speaks (SPEC §3.3 and §5.3).
pub static REPORT_VERBS: LazyLock<WordSet> = LazyLock::new(|| set(REPORT_VERB_WORDS));

/// The words of [`REPORT_VERBS`].
const REPORT_VERB_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "explains",
    "wrote",
    "writes",
    "write",
    "stated",
    "states",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "deny",
    "denying",
    "disputed",
    "disputes",
    "dispute",
    "rejected",
    "rejects",
    "defended",
    "defends",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "argued",
    "argues",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "testified",
    "testifies",
    "replied",
    "replies",
    "responded",
    "answered",
    "countered",
    "contended",
    "contends",
    "claimed",
    "claims",
    "emailed",
    "tweeted",
    "posted",
    "pleaded",
    "pleads",
    "declined",
    "declines",
    "refused",
    "refuses",
    "referred",
    "refers",
    "reported",
    "reports",
    "reporting",
    "recalled",
    "recalls",
    "described",
    "describes",
    "estimated",
    "estimates",
    "predicted",
    "warned",
    "warns",
    "complained",
    "complains",
    "asserted",
    "asserts",
    "stressed",
    "emphasized",
    "objected",
    "agreed",
    "disagreed",
    "wrote",
    "texted",
    "messaged",
    "commented",
    "comments",
    "blamed",
    "accused",
    "faulted",
    "criticized",
    "criticised",
    "alleged",
    "alleges",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "citing",
    "vowed",
    "promised",
    "acknowledged",
    "confirm",
    "notes",
    "cautioned",
    "apologized",
    "apologised",
    "conceded",
];

/// Compiles patterns (several: leftmost-first, as their alternation, the
/// pattern ID standing for the branch) with ASCII word boundaries, which
/// keeps the fast DFA engines usable on text with non-ASCII letters.
/// Without a literal prefilter: these run on short sentences that a cue
/// scan already picked out, and extracting and building the prefilter took
/// longer than compiling the rest.
fn re(pats: &[&str]) -> meta::Regex {
    let pats: Vec<String> = pats.iter().map(|p| patterns::ascii_boundaries(p)).collect();
    meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .build_many(&pats)
        .expect("actor pattern compiles")
}

/// A match's byte range, as [`Rx`] reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RxMatch {
    start: usize,
    end: usize,
}

impl RxMatch {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
}

/// One match of an [`Rx`] of several named patterns ([`NO_RESPONSE_RE`]):
/// its range and the name of the pattern that matched (the named group of
/// their alternation).
pub struct RxCaptures {
    whole: RxMatch,
    name: &'static str,
}

impl RxCaptures {
    pub fn whole(&self) -> RxMatch {
        self.whole
    }
    /// The match, if the pattern named `name` made it.
    pub fn name(&self, name: &str) -> Option<RxMatch> {
        (self.name == name).then_some(self.whole)
    }
}

/// A case-insensitive pattern (or several, see [`re`]) in two forms: the
/// ASCII form (ASCII-only `\w` and case folding, `\s` still Unicode, see
/// [`patterns::ascii_form`]), compiled to a DFA when the crate is built
/// ([`crate::prebuilt`]) and used on text where it cannot match
/// differently, and the Unicode form, compiled on first use, for the rest.
/// Compiling them (the Unicode classes above all) took most of a short
/// draft's run time.
pub struct Rx {
    patterns: &'static [&'static str],
    /// The patterns' names, for [`RxCaptures`].
    names: &'static [&'static str],
    /// The pattern uses `\w`: a non-ASCII letter can change a match.
    words: bool,
    /// The ASCII form.
    dfa: Dfa,
    unicode: OnceLock<meta::Regex>,
}

/// Alphabetic characters below this are Unicode `\w` in the regexes' tables.
const LETTERS_BELOW: char = '\u{530}';

impl Rx {
    const fn new(
        patterns: &'static [&'static str],
        names: &'static [&'static str],
        words: bool,
        dfa: Dfa,
    ) -> Rx {
        Rx {
            patterns,
            names,
            words,
            dfa,
            unicode: OnceLock::new(),
        }
    }

    /// Can the ASCII form run on `hay` with the Unicode form's matches?
    fn ascii_ok(&self, hay: &Hay) -> bool {
        hay.ascii_ok(self.words)
    }

    fn unicode(&self) -> &meta::Regex {
        self.unicode.get_or_init(|| re(self.patterns))
    }

    /// The Unicode form's successive matches.
    fn unicode_hits(&self, hay: &str) -> Vec<Hit> {
        self.unicode()
            .find_iter(hay)
            .map(|m| Hit {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    /// The successive non-overlapping matches.
    fn hits(&self, hay: &Hay) -> Vec<Hit> {
        if self.ascii_ok(hay) {
            if let Ok(hits) = self.dfa.find_all(hay.text) {
                return hits;
            }
        }
        self.unicode_hits(hay.text)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.is_match_in(&Hay::new(hay))
    }

    pub fn is_match_in(&self, hay: &Hay) -> bool {
        if self.ascii_ok(hay) {
            if let Ok(m) = self.dfa.is_match(hay.text) {
                return m;
            }
        }
        self.unicode().is_match(hay.text)
    }

    pub fn find(&self, hay: &str) -> Option<RxMatch> {
        self.find_in(&Hay::new(hay))
    }

    pub fn find_in(&self, hay: &Hay) -> Option<RxMatch> {
        if self.ascii_ok(hay) {
            if let Ok(h) = self.dfa.find_at(hay.text, 0) {
                return h.map(|h| RxMatch {
                    start: h.start,
                    end: h.end,
                });
            }
        }
        self.unicode().find(hay.text).map(|m| RxMatch {
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn find_iter(&self, hay: &str) -> impl Iterator<Item = RxMatch> {
        self.find_iter_in(&Hay::new(hay))
    }

    pub fn find_iter_in(&self, hay: &Hay) -> impl Iterator<Item = RxMatch> {
        self.hits(hay).into_iter().map(|h| RxMatch {
            start: h.start,
            end: h.end,
        })
    }

    /// The successive matches with the names of the patterns that made them.
    pub fn captures_iter(&self, hay: &str) -> impl Iterator<Item = RxCaptures> + '_ {
        self.captures_iter_in(&Hay::new(hay))
    }

    pub fn captures_iter_in(&self, hay: &Hay) -> impl Iterator<Item = RxCaptures> + '_ {
        self.hits(hay).into_iter().map(|h| RxCaptures {
            whole: RxMatch {
                start: h.start,
                end: h.end,
            },
            name: self.names.get(h.pattern).copied().unwrap_or(""),
        })
    }
}

/// A text with [`Rx::ascii_ok`] worked out once, for all the regexes run on
/// it (a sentence is searched by several).
pub struct Hay<'a> {
    text: &'a str,
    /// The ASCII form of a pattern without `\w` finds the Unicode form's
    /// matches (known at once for ASCII text, else on first use).
    narrow_ok: std::cell::OnceCell<bool>,
    /// Same for a pattern with `\w`.
    wide_ok: std::cell::OnceCell<bool>,
}

impl<'a> Hay<'a> {
    pub fn new(text: &'a str) -> Hay<'a> {
        let hay = Hay {
            text,
            narrow_ok: std::cell::OnceCell::new(),
            wide_ok: std::cell::OnceCell::new(),
        };
        if text.is_ascii() {
            let _ = hay.narrow_ok.set(true);
            let _ = hay.wide_ok.set(true);
        }
        hay
    }

    /// Outside ASCII, case folding maps KELVIN SIGN and LONG S to ASCII
    /// letters; the ASCII form's `\w` takes any two-byte character but
    /// white space and [`NEUTRAL`] for a letter, which Unicode `\w` agrees
    /// with on the alphabetic characters of the Latin, Greek and Cyrillic
    /// blocks (other scripts, marks and non-ASCII digits fall back: the
    /// standard library's Unicode version may be newer than the regexes').
    fn ascii_ok(&self, words: bool) -> bool {
        let cell = if words {
            &self.wide_ok
        } else {
            &self.narrow_ok
        };
        *cell.get_or_init(|| {
            self.text.chars().all(|c| {
                c.is_ascii()
                    || !(c == '\u{212A}' || c == '\u{17F}')
                        && (!words
                            || c.is_whitespace()
                            || NEUTRAL.contains(&c)
                            || c < LETTERS_BELOW && c.is_alphabetic())
            })
        })
    }
}

/// Negative conduct and damaging facts in a clause whose subject is the
/// target ([`patterns::CONDUCT`]).
pub static CONDUCT_RE: Rx = Rx::new(&[patterns::CONDUCT], &[], false, dfa!("conduct"));

/// Passive legal or official action against the subject
/// ([`patterns::PASSIVE_ACTION`]).
pub static PASSIVE_ACTION_RE: Rx = Rx::new(
    &[patterns::PASSIVE_ACTION],
    &[],
    true,
    dfa!("passive_action"),
);

/// Cheap pre-check for [`PASSIVE_ACTION_RE`] ([`patterns::PASSIVE_HINT`]).
pub static PASSIVE_HINT: Rx = Rx::new(&[patterns::PASSIVE_HINT], &[], true, dfa!("passive_hint"));

/// A defence of someone implies an accusation against them
/// ([`patterns::DEFENCE`]).
pub static DEFENCE_RE: Rx = Rx::new(&[patterns::DEFENCE], &[], false, dfa!("defence"));

/// Failed attempts and refusals (SPEC §5.3), by kind
/// ([`patterns::NO_RESPONSE`]).
pub static NO_RESPONSE_RE: Rx = Rx::new(
    &patterns::NO_RESPONSE,
    &patterns::NO_RESPONSE_NAMES,
    true,
    dfa!("no_response"),
);

/// "shot and killed X", "X died": the dead are not targets
/// ([`patterns::DEATH`]).
pub static DEATH_RE: Rx = Rx::new(&[patterns::DEATH], &[], false, dfa!("death"));

/// Active frames that make their object the target.
pub fn frame_verb(word: &str) -> Option<Frame> {
    let w = word.as_bytes();
    if w.len() < 3 || w.len() > 13 {
        return None;
    }
    if w[0].is_ascii_uppercase() {
        let mut buf = [0u8; 13];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w);
        b.make_ascii_lowercase();
        return frame_of(b);
    }
    frame_of(w)
}

/// Might `w` (3 to 13 bytes) be "according", a [`REPORT_VERBS`] word or,
/// in either case, a [`FRAMES`] word? A bit per (length, first and last
/// letter, case ignored) turns most words of a sentence away with one
/// look-up before [`REPORT_VERBS`] and [`frame_verb`] are probed.
#[inline]
pub fn may_report_or_frame(w: &[u8]) -> bool {
    ReportOrFrame::get().may_be(w)
}

/// [`may_report_or_frame`]'s tables, fetched once for a sentence's words.
#[derive(Clone, Copy)]
pub struct ReportOrFrame(&'static [[u64; 256]; 2]);

impl ReportOrFrame {
    pub fn get() -> ReportOrFrame {
        ReportOrFrame(&REPORT_OR_FRAME_CONST)
    }

    /// [`may_report_or_frame`].
    #[inline]
    pub fn may_be(self, w: &[u8]) -> bool {
        match case_free_slot(w) {
            Some((i, bit)) if self.0[0][i] & bit != 0 => {
                let (i, bit) = inner_slot(w);
                self.0[1][i] & bit != 0
            }
            _ => false,
        }
    }
}

/// [`WordSet::slot`] without the case bit (`& 31` drops it from a letter),
/// so a word and its ASCII lower-case form share it.
#[inline]
fn case_free_slot(w: &[u8]) -> Option<(usize, u64)> {
    WordSet::slot(w)
}

/// A second slot of a word of at least two bytes, like [`case_free_slot`]
/// but on its second and next-to-last bytes (all of which `& 31` makes
/// case-free): words that share a length, first and last letter with a
/// listed word mostly differ there ("sold" and "said").
#[inline]
const fn inner_slot(w: &[u8]) -> (usize, u64) {
    let n = w.len();
    let (second, before_last) = match *w {
        [_, b, .., c, _] => (b, c),
        [_, b] => (b, b),
        _ => (0, 0),
    };
    let key = ((n & 15) << 10) | ((second as usize & 31) << 5) | (before_last as usize & 31);
    (key >> 6, 1u64 << (key & 63))
}

/// The reporting verbs, the frame words and "according": the words the
/// `REPORT_OR_FRAME` filter lets through.
#[cfg(test)]
fn report_or_frame_words() -> impl Iterator<Item = &'static str> {
    REPORT_VERBS
        .set
        .iter()
        .copied()
        .chain(FRAMES.iter().map(|&(w, _)| w))
        .chain(["according"])
}

/// The filter built from the word lists as they are at run time (the
/// tests compare it with [`REPORT_OR_FRAME_CONST`]).
#[cfg(test)]
static REPORT_OR_FRAME: LazyLock<Box<[[u64; 256]; 2]>> = LazyLock::new(|| {
    let mut filter = Box::new([[0u64; 256]; 2]);
    for w in report_or_frame_words() {
        if let Some((i, bit)) = case_free_slot(w.as_bytes()) {
            filter[0][i] |= bit;
        }
        let (i, bit) = inner_slot(w.as_bytes());
        filter[1][i] |= bit;
    }
    filter
});

/// `REPORT_OR_FRAME` worked out when the crate is compiled, from the same
/// words, so that the tokenizer reads it at a fixed address (a test
/// compares the two).
static REPORT_OR_FRAME_CONST: [[u64; 256]; 2] = {
    let mut filter = [[0u64; 256]; 2];
    let mut n = 0;
    while n < REPORT_VERB_WORDS.len() + FRAMES.len() + 1 {
        let w = if n < REPORT_VERB_WORDS.len() {
            REPORT_VERB_WORDS[n]
        } else if n < REPORT_VERB_WORDS.len() + FRAMES.len() {
            FRAMES[n - REPORT_VERB_WORDS.len()].0
        } else {
            "according"
        };
        if let Some((i, bit)) = WordSet::const_slot(w.as_bytes()) {
            filter[0][i] |= bit;
        }
        let (i, bit) = inner_slot(w.as_bytes());
        filter[1][i] |= bit;
        n += 1;
    }
    filter
};

/// The frame words with their frames.
const FRAMES: &[(&str, Frame)] = {
    use Frame::*;
    &[
        ("accuse", Accuse),
        ("accused", Accuse),
        ("accuses", Accuse),
        ("accusing", Accuse),
        ("blame", Blame),
        ("blamed", Blame),
        ("blames", Blame),
        ("blaming", Blame),
        ("fault", Accuse),
        ("faulted", Accuse),
        ("faults", Accuse),
        ("faulting", Accuse),
        ("sue", Accuse),
        ("sued", Accuse),
        ("sues", Accuse),
        ("suing", Accuse),
        ("indict", Accuse),
        ("indicted", Accuse),
        ("indicts", Accuse),
        ("fined", Accuse),
        ("fines", Accuse),
        ("cite", Cite),
        ("cited", Cite),
        ("cites", Cite),
        ("suspend", Accuse),
        ("suspended", Accuse),
        ("suspends", Accuse),
        ("suspending", Accuse),
        ("criticize", Accuse),
        ("criticized", Accuse),
        ("criticizes", Accuse),
        ("criticizing", Accuse),
        ("criticise", Accuse),
        ("criticised", Accuse),
        ("criticises", Accuse),
        ("criticising", Accuse),
        ("condemn", Accuse),
        ("condemned", Accuse),
        ("condemns", Accuse),
        ("blast", Accuse),
        ("blasted", Accuse),
        ("blasts", Accuse),
        ("slam", Accuse),
        ("slammed", Accuse),
        ("slams", Accuse),
        ("attacked", Accuse),
        ("lambasted", Accuse),
        ("denounced", Accuse),
        ("denounces", Accuse),
        ("rebuked", Accuse),
        ("scolded", Accuse),
        ("chided", Accuse),
        ("assailed", Accuse),
        ("excoriated", Accuse),
        ("ripped", Accuse),
        ("castigated", Accuse),
        ("decried", Accuse),
        ("names", Names),
        ("named", Names),
        ("arrest", Accuse),
        ("arrested", Accuse),
        ("arrests", Accuse),
        ("charged", Charge),
        ("charges", Charge),
        ("charging", Charge),
        ("warned", Warn),
        ("censured", Accuse),
        ("reprimanded", Accuse),
        ("disciplined", Accuse),
        ("sanctioned", Accuse),
        ("investigating", Accuse),
        ("investigated", Accuse),
        ("ousted", Accuse),
        ("place", Place),
        ("placed", Place),
        ("places", Place),
        ("placing", Place),
        ("put", Place),
        ("against", Against),
        ("into", Into),
    ]
};

/// [`FRAMES`] behind a (length, first and last byte) bit filter: most words
/// of a sentence are turned away by one look-up.
struct FrameTable {
    /// Per length, a bit per (first & 7, last & 7).
    filter: [u64; 14],
    map: FastMap<&'static [u8], Frame>,
}

impl FrameTable {
    #[inline]
    fn bit(w: &[u8]) -> u64 {
        1 << ((w[0] & 7) << 3 | (w[w.len() - 1] & 7))
    }
}

static FRAME_TABLE: LazyLock<FrameTable> = LazyLock::new(|| {
    let mut filter = [0u64; 14];
    for (w, _) in FRAMES {
        filter[w.len()] |= FrameTable::bit(w.as_bytes());
    }
    FrameTable {
        filter,
        map: FRAMES.iter().map(|&(w, f)| (w.as_bytes(), f)).collect(),
    }
});

/// The frame of a lower-case word of 3 to 13 bytes.
fn frame_of(w: &[u8]) -> Option<Frame> {
    let table = &*FRAME_TABLE;
    if table.filter[w.len()] & FrameTable::bit(w) == 0 {
        return None;
    }
    table.map.get(w).copied()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Frame {
    #[default]
    Accuse,
    Blame,
    Cite,
    Charge,
    Warn,
    Place,
    /// "complaint against X", "lawsuit against X"
    Against,
    /// "investigation into X"
    Into,
    /// "the lawsuit names X"
    Names,
}

/// Bit of [`sentence_cues`]: death words ("killed", "funeral").
pub const CUE_DEATH: u8 = 1;
/// Bit of [`sentence_cues`]: [`DEFENCE_RE`] may match.
pub const CUE_DEFENCE: u8 = 2;
/// Bit of [`sentence_cues`]: [`CONDUCT_RE`] may match.
pub const CUE_CONDUCT: u8 = 4;
/// Bit of [`sentence_cues`]: [`NO_RESPONSE_RE`] may match.
pub const CUE_NO_RESPONSE: u8 = 8;

/// Bit of [`sentence_cues`]: [`PASSIVE_ACTION_RE`] may match somewhere in the sentence.
pub const CUE_PASSIVE: u8 = 16;

/// Literals, one of which every match of the cue's regex contains
/// (ASCII case-insensitively); `true` when the literal always starts at an
/// ASCII word boundary (a `\b` or `\s` stands before it in the regex).
const CUE_WORDS: &[(u8, bool, &[&str])] = &[
    (
        CUE_DEATH,
        false,
        &[
            "kill", "murder", "death", "fatal", "mourn", "funeral", "died",
        ],
    ),
    (
        CUE_DEFENCE,
        true,
        &[
            "nothing",
            "wrongdoing",
            "innocent",
            "faith",
            "within",
            "crossed",
        ],
    ),
    (
        CUE_CONDUCT,
        true,
        &[
            "lie",
            "liar",
            "lying",
            "misle",
            "conceal",
            "cover",
            "hid",
            "falsif",
            "fabricat",
            "forg",
            "overbill",
            "overcharg",
            "overstat",
            "inflat",
            "violat",
            "retaliat",
            "harass",
            "berat",
            "mock",
            "threaten",
            "pressur",
            "intimidat",
            "bull",
            "abus",
            "ignor",
            "neglect",
            "negligen",
            "fail",
            "mismanag",
            "embezzl",
            "stole",
            "steal",
            "defraud",
            "fraud",
            "brib",
            "kickback",
            "skipp",
            "sat",
            "never",
            "withh",
            "leak",
            "turn",
            "shut",
            "switch",
            "disabl",
            "dump",
            "pollut",
            "contaminat",
            "discriminat",
            "underpa",
            "unpaid",
            "wrong",
            "botch",
            "misus",
            "misappropriat",
            "reckless",
            "unfit",
            "incompeten",
            "illegal",
            "unlawful",
            "improper",
            "falsely",
            "corrupt",
            "hostage",
            "sold",
            "sell",
            "cheat",
            "scam",
            "plagiari",
            "whitewash",
            "stonewall",
            "allegedly",
            "trad",
            "sexual",
            "assault",
            "keep",
            "stay",
            "would",
            "lax",
            "sloppy",
            "shoddy",
            "unsafe",
        ],
    ),
    (
        CUE_NO_RESPONSE,
        true,
        &[
            "reached",
            "available",
            "unavailable",
            "unable",
            "respond",
            "return",
            "reply",
            "answer",
            "comment",
            "unanswered",
            "unreturned",
            "response",
            "declined",
            "declines",
            "refused",
            "would",
            "referred",
            "refers",
            "attempts",
            "efforts",
            "calls",
            "emails",
            "messages",
            "request",
            "sought",
            "asked",
        ],
    ),
    (
        CUE_PASSIVE,
        true,
        &[
            "accused",
            "charged",
            "indicted",
            "sued",
            "cited",
            "fined",
            "suspended",
            "arrested",
            "convicted",
            "faulted",
            "blamed",
            "investigated",
            "disciplined",
            "censured",
            "reprimanded",
            "sanctioned",
            "criticized",
            "criticised",
            "placed",
            "put",
            "under",
            "subject",
            "named",
            "found",
            "ordered",
            "barred",
            "banned",
            "fired",
            "ousted",
            "terminated",
            "guilty",
        ],
    ),
    // ("faces" stands before every charge, count, lawsuit, allegation,
    // complaint or investigation the regex takes, and is a rarer word than
    // those in news copy: "county", "counsel", "in charge of")
    (CUE_PASSIVE, false, &["admit", "face"]),
];

/// Cue literals that a regex only matches with one of some words after
/// them (after optional white space): (bit, literal, what may follow). Most
/// are common words ("would", "never", "asked", "found") whose regex needs
/// the next word too ("would ruin", "never told"), so a sentence with the
/// word alone runs no regex. Each list is every way the regex's branches
/// that hold the literal go on after it (the literal starting the match
/// at a word start); white space is skipped as ASCII white space, and any
/// non-ASCII character (Unicode white space?) lets the literal count.
const CUE_FOLLOWS: &[(u8, &str, &[&str])] = &[
    // CONDUCT
    (CUE_CONDUCT, "would", &["ruin"]),
    (
        CUE_CONDUCT,
        "never",
        &[
            "told",
            "drove",
            "worked",
            "arrived",
            "delivered",
            "paid",
            "showed",
            "happened",
            "performed",
            "existed",
        ],
    ),
    (
        CUE_CONDUCT,
        "keep",
        &[
            "the",
            "their",
            "her",
            "his",
            "complaint",
            "allegation",
            "concern",
            "quiet",
        ],
    ),
    (CUE_CONDUCT, "stay", &["quiet"]),
    (CUE_CONDUCT, "sat", &["on"]),
    (CUE_CONDUCT, "turn", &["ed", "ing"]),
    (CUE_CONDUCT, "shut", &["off"]),
    (CUE_CONDUCT, "switch", &["ed", "ing"]),
    (CUE_CONDUCT, "sold", &["out"]),
    (CUE_CONDUCT, "sell", &["ing", "s", "out"]),
    (CUE_CONDUCT, "fail", &["ed", "ing"]),
    (CUE_CONDUCT, "trad", &["ed", "ing"]),
    (CUE_CONDUCT, "cover", &["ed", "ing", "s", "up", "-up"]),
    // NO_RESPONSE
    (CUE_NO_RESPONSE, "would", &["n't", "not"]),
    (CUE_NO_RESPONSE, "asked", &["for"]),
    (CUE_NO_RESPONSE, "sought", &["comment"]),
    (CUE_NO_RESPONSE, "declined", &["to"]),
    (CUE_NO_RESPONSE, "declines", &["to"]),
    (CUE_NO_RESPONSE, "refused", &["to"]),
    (
        CUE_NO_RESPONSE,
        "referred",
        &["questions", "inquiries", "requests", "reporters"],
    ),
    (CUE_NO_RESPONSE, "refers", &["questions", "inquiries"]),
    // PASSIVE_ACTION
    (CUE_PASSIVE, "under", &["investigation"]),
    (CUE_PASSIVE, "found", &["liable", "guilty"]),
    (CUE_PASSIVE, "put", &["on"]),
    (CUE_PASSIVE, "placed", &["on"]),
    (CUE_PASSIVE, "named", &["in"]),
    (CUE_PASSIVE, "subject", &["of"]),
    (CUE_PASSIVE, "ordered", &["to"]),
];

/// Does one of `follows` come at `q` in `s`, after ASCII white space (or a
/// non-ASCII character, which may be white space, at least)? See
/// [`CUE_FOLLOWS`]. (Out of line: rare, and the cue scan's loop stays
/// small.)
#[cold]
#[inline(never)]
fn follows_at(s: &[u8], mut q: usize, follows: &[&str]) -> bool {
    while q < s.len() && matches!(s[q], b'\t'..=b'\r' | b' ') {
        q += 1;
    }
    match s.get(q) {
        None => false,
        Some(&b) if b >= 0x80 => true,
        Some(_) => follows.iter().any(|f| {
            s.get(q..q + f.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(f.as_bytes()))
        }),
    }
}

/// One cue literal (lower case) with its bit, whether it must start at an
/// ASCII word boundary and what must follow it (1 + its index in
/// [`CUE_FOLLOWS`]; 0: no condition).
#[derive(Clone, Copy, Debug)]
struct CueLit {
    lit: &'static [u8],
    bit: u8,
    word_start: bool,
    follows: u8,
}

/// The cue literals grouped by their first three letters, with a byte
/// class table in front: a byte that starts no literal costs one look-up.
struct CueTable {
    /// Literals sorted by their first three letters.
    lits: Vec<CueLit>,
    /// For each three letters (`676 * first + 26 * second + third`), their
    /// literals' range in `lits`.
    by_prefix: Vec<(u16, u16)>,
    /// Per byte: [`ALNUM`], [`LETTER`], [`STARTS_INNER`], [`EXOTIC_LEAD`].
    class: [u8; 256],
    /// Per first byte (either case), the second letters some literal has
    /// after it (bit per [`letter`]): a cheap first check.
    second: [u32; 256],
    /// The same for the literals that need no word start.
    inner_second: [u32; 256],
    /// The length of the shortest literal, and of the shortest that needs
    /// no word start.
    #[cfg_attr(not(test), allow(dead_code))]
    min_len: usize,
    #[cfg_attr(not(test), allow(dead_code))]
    min_inner_len: usize,
    /// The bits of the literals that need no word start.
    #[cfg_attr(not(test), allow(dead_code))]
    inner_bits: u8,
    /// Bit `n` set: a word whose bytes after the first have the
    /// [`INNER_GROUPS`] bits `n << 4` may hold a literal needing no word
    /// start after its first byte.
    #[cfg_attr(not(test), allow(dead_code))]
    inner_possible: u16,
    /// Per [`prefix_hash`] of a word's first three bytes (ASCII lower-cased,
    /// see [`CueScan::word`]): the bits of the three-letter literals hashed
    /// there. Most words' first bytes hash where no literal's do.
    #[cfg_attr(not(test), allow(dead_code))]
    prefix3: Box<[u8; PREFIX_SLOTS]>,
    /// The same for the first four bytes and the longer literals.
    #[cfg_attr(not(test), allow(dead_code))]
    prefix4: Box<[u8; PREFIX_SLOTS]>,
}

/// [`CueTable::class`] bit: an ASCII letter or digit.
pub(super) const ALNUM: u8 = 1;
/// [`CueTable::class`] bit: an ASCII letter.
const LETTER: u8 = 2;
/// [`CueTable::class`] bit: the first letter (either case) of a literal
/// that needs no word start.
const STARTS_INNER: u8 = 4;
/// [`CueTable::class`] bit: the first byte of a [`FOLD_EXOTICS`] character.
const EXOTIC_LEAD: u8 = 8;
/// [`CueTable::class`] bits of a few letters (either case) that the
/// literals needing no word start are made of: OR-ed over a word's bytes
/// after the first, they rule out most words before their bytes are
/// searched ([`CueTable::inner_possible`]).
const INNER_GROUPS: [(u8, &[u8]); 4] = [(16, b"kf"), (32, b"m"), (64, b"d"), (128, b"hi")];

/// The letter index (0..26) of an ASCII letter of either case.
#[inline]
fn letter(b: u8) -> usize {
    usize::from((b | 0x20).wrapping_sub(b'a'))
}

/// The index of three letters in [`CueTable::by_prefix`].
#[inline]
fn prefix_key(b0: u8, b1: u8, b2: u8) -> usize {
    676 * letter(b0) + 26 * letter(b1) + letter(b2)
}

static CUE_TABLE: LazyLock<CueTable> = LazyLock::new(|| {
    let mut lits: Vec<CueLit> = CUE_WORDS
        .iter()
        .flat_map(|&(bit, word_start, words)| {
            words.iter().map(move |w| CueLit {
                lit: w.as_bytes(),
                bit,
                word_start,
                follows: CUE_FOLLOWS
                    .iter()
                    .position(|&(b, l, _)| b == bit && l == *w)
                    .map_or(0, |i| i as u8 + 1),
            })
        })
        .collect();
    // (every literal is at least three lower-case ASCII letters long)
    let key = |l: &[u8]| prefix_key(l[0], l[1], l[2]);
    lits.sort_by_key(|c| key(c.lit));
    let mut by_prefix = vec![(0u16, 0u16); 26 * 26 * 26];
    let mut class = [0u8; 256];
    let mut second = [0u32; 256];
    let mut inner_second = [0u32; 256];
    for b in 0..=255u8 {
        if b.is_ascii_alphanumeric() {
            class[usize::from(b)] |= ALNUM;
        }
        if b.is_ascii_alphabetic() {
            class[usize::from(b)] |= LETTER;
        }
    }
    for e in FOLD_EXOTICS {
        class[usize::from(e[0])] |= EXOTIC_LEAD;
    }
    for (bit, letters) in INNER_GROUPS {
        for &l in letters {
            class[usize::from(l)] |= bit;
            class[usize::from(l.to_ascii_uppercase())] |= bit;
        }
    }
    // For each set of groups a word's bytes after the first have (the
    // class bits' high nibble), may it hold a literal that needs no word
    // start there? (When all of a literal's letters' groups are in it.)
    let mut inner_possible = 0u16;
    for c in lits.iter().filter(|c| !c.word_start) {
        let need = c.lit.iter().fold(0u8, |n, &b| n | class[usize::from(b)]) >> 4;
        for have in 0..16u8 {
            if have & need == need {
                inner_possible |= 1 << have;
            }
        }
    }
    for (i, c) in lits.iter().enumerate() {
        let r = &mut by_prefix[key(c.lit)];
        if r.0 == r.1 {
            *r = (i as u16, i as u16);
        }
        r.1 = i as u16 + 1;
        for b in [c.lit[0], c.lit[0].to_ascii_uppercase()] {
            second[usize::from(b)] |= 1 << letter(c.lit[1]);
            if !c.word_start {
                class[usize::from(b)] |= STARTS_INNER;
                inner_second[usize::from(b)] |= 1 << letter(c.lit[1]);
            }
        }
    }
    let min_len = lits.iter().map(|c| c.lit.len()).min().unwrap_or(0);
    let inner_bits = lits
        .iter()
        .filter(|c| !c.word_start)
        .fold(0, |bits, c| bits | c.bit);
    let mut prefix3 = Box::new([0u8; PREFIX_SLOTS]);
    let mut prefix4 = Box::new([0u8; PREFIX_SLOTS]);
    for c in &lits {
        match *c.lit {
            [b0, b1, b2] => {
                prefix3[prefix_hash(u32::from_le_bytes([b0, b1, b2, 0]))] |= c.bit;
            }
            [b0, b1, b2, b3, ..] => {
                prefix4[prefix_hash(u32::from_le_bytes([b0, b1, b2, b3]))] |= c.bit;
            }
            _ => {}
        }
    }
    let min_inner_len = lits
        .iter()
        .filter(|c| !c.word_start)
        .map(|c| c.lit.len())
        .min()
        .unwrap_or(usize::MAX);
    CueTable {
        lits,
        by_prefix,
        class,
        second,
        inner_second,
        min_len,
        min_inner_len,
        inner_bits,
        inner_possible,
        prefix3,
        prefix4,
    }
});

/// [`CueTable`]'s parts that [`CueScan::word`] reads for every word, worked
/// out when the crate is compiled, so that the tokenizer reads them at fixed
/// addresses (a test compares them with the table's).
struct CueConsts {
    class: [u8; 256],
    prefix3: [u8; PREFIX_SLOTS],
    prefix4: [u8; PREFIX_SLOTS],
    min_len: usize,
    min_inner_len: usize,
    inner_bits: u8,
    inner_possible: u16,
}

static CUE_CONSTS: CueConsts = cue_consts();

/// [`CUE_CONSTS`], as [`CUE_TABLE`] works them out.
const fn cue_consts() -> CueConsts {
    let mut c = CueConsts {
        class: [0; 256],
        prefix3: [0; PREFIX_SLOTS],
        prefix4: [0; PREFIX_SLOTS],
        min_len: usize::MAX,
        min_inner_len: usize::MAX,
        inner_bits: 0,
        inner_possible: 0,
    };
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        if x.is_ascii_alphanumeric() {
            c.class[b] |= ALNUM;
        }
        if x.is_ascii_alphabetic() {
            c.class[b] |= LETTER;
        }
        b += 1;
    }
    let mut e = 0;
    while e < FOLD_EXOTICS.len() {
        c.class[FOLD_EXOTICS[e][0] as usize] |= EXOTIC_LEAD;
        e += 1;
    }
    let mut g = 0;
    while g < INNER_GROUPS.len() {
        let (bit, letters) = INNER_GROUPS[g];
        let mut l = 0;
        while l < letters.len() {
            c.class[letters[l] as usize] |= bit;
            c.class[letters[l].to_ascii_uppercase() as usize] |= bit;
            l += 1;
        }
        g += 1;
    }
    let mut cw = 0;
    while cw < CUE_WORDS.len() {
        let (bit, word_start, words) = CUE_WORDS[cw];
        let mut w = 0;
        while w < words.len() {
            let lit = words[w].as_bytes();
            if lit.len() < c.min_len {
                c.min_len = lit.len();
            }
            if !word_start {
                if lit.len() < c.min_inner_len {
                    c.min_inner_len = lit.len();
                }
                c.inner_bits |= bit;
                c.class[lit[0] as usize] |= STARTS_INNER;
                c.class[lit[0].to_ascii_uppercase() as usize] |= STARTS_INNER;
            }
            match *lit {
                [b0, b1, b2] => {
                    c.prefix3[prefix_hash(u32::from_le_bytes([b0, b1, b2, 0]))] |= bit;
                }
                [b0, b1, b2, b3, ..] => {
                    c.prefix4[prefix_hash(u32::from_le_bytes([b0, b1, b2, b3]))] |= bit;
                }
                _ => {}
            }
            w += 1;
        }
        cw += 1;
    }
    if c.min_len == usize::MAX {
        c.min_len = 0;
    }
    // (the groups' bits of each literal needing no word start, as
    // `CUE_TABLE` works out `inner_possible`)
    let mut cw = 0;
    while cw < CUE_WORDS.len() {
        let (_, word_start, words) = CUE_WORDS[cw];
        let mut w = 0;
        while !word_start && w < words.len() {
            let lit = words[w].as_bytes();
            let mut need = 0u8;
            let mut i = 0;
            while i < lit.len() {
                need |= c.class[lit[i] as usize];
                i += 1;
            }
            let need = need >> 4;
            let mut have = 0u8;
            while have < 16 {
                if have & need == need {
                    c.inner_possible |= 1 << have;
                }
                have += 1;
            }
            w += 1;
        }
        cw += 1;
    }
    c
}

/// The size of [`CueTable::prefix3`] and [`CueTable::prefix4`].
const PREFIX_SLOTS: usize = 1 << 12;

/// The slot of a word's first bytes (little-endian, each OR-ed with `0x20`,
/// which lower-cases an ASCII letter) in [`CueTable::prefix3`] or
/// [`CueTable::prefix4`].
#[inline(always)]
const fn prefix_hash(w: u32) -> usize {
    (w.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl CueTable {
    /// The bits of the literals starting at `p` in `s` (`at_word_start`: the
    /// byte before is not an ASCII letter or digit) that `bits` lacks.
    #[inline(always)]
    fn bits_at(&self, s: &[u8], p: usize, at_word_start: bool, bits: u8) -> u8 {
        let Some(&[b0, b1, b2]) = s.get(p..p + 3) else {
            return 0;
        };
        let seconds = if at_word_start {
            self.second[usize::from(b0)]
        } else {
            self.inner_second[usize::from(b0)]
        };
        let is_letter = |b: u8| self.class[usize::from(b)] & LETTER != 0;
        // (`seconds` is empty unless `b0` is a letter)
        if !is_letter(b1) || seconds >> letter(b1) & 1 == 0 || !is_letter(b2) {
            return 0;
        }
        let (a, b) = self.by_prefix[prefix_key(b0, b1, b2)];
        let mut found = 0;
        for c in &self.lits[usize::from(a)..usize::from(b)] {
            // (`| 0x20` lower-cases a letter and makes no other byte one)
            if (bits | found) & c.bit == 0
                && (at_word_start || !c.word_start)
                && s.len() - p >= c.lit.len()
                && s[p + 3..p + c.lit.len()]
                    .iter()
                    .zip(&c.lit[3..])
                    .all(|(&x, &l)| x | 0x20 == l)
                && (c.follows == 0
                    || follows_at(
                        s,
                        p + c.lit.len(),
                        CUE_FOLLOWS[usize::from(c.follows) - 1].2,
                    ))
            {
                found |= c.bit;
            }
        }
        found
    }

    /// The cue bits of one sentence's bytes, or `None` if it holds a
    /// [`has_fold_exotics`] character.
    fn sentence_bits(&self, s: &[u8]) -> Option<u8> {
        let mut bits = 0u8;
        let mut p = 0;
        while p < s.len() {
            let class = self.class[usize::from(s[p])];
            if class & ALNUM == 0 {
                if class & EXOTIC_LEAD != 0 && FOLD_EXOTICS.iter().any(|e| s[p..].starts_with(e)) {
                    return None;
                }
                p += 1;
                continue;
            }
            // a word start (the regexes' ASCII `\b`; counting `_` as a
            // boundary only widens the superset): any literal
            bits |= self.bits_at(s, p, true, bits);
            p += 1;
            // inside the word: only the literals that need no word start
            while p < s.len() {
                let class = self.class[usize::from(s[p])];
                if class & ALNUM == 0 {
                    break;
                }
                if class & STARTS_INNER != 0 {
                    bits |= self.bits_at(s, p, false, bits);
                }
                p += 1;
            }
        }
        Some(bits)
    }
}

/// [`sentence_cues`] of one sentence worked out token by token as the
/// actor tokenizer goes (see [`crate::actors::index::tokenize_cued`]), so
/// that the sentence's bytes are walked once: the tokenizer hands over each
/// plain ASCII word with the [`CueTable::class`] bits of its bytes after
/// the first OR-ed together, and any other token whole. Every ASCII letter
/// or digit and every [`FOLD_EXOTICS`] character (all letters) is inside a
/// word or possessive token, so the bytes between tokens can set no bit.
pub struct CueScan<'a> {
    table: &'static CueTable,
    /// The sentence's bytes; positions below are relative to its start.
    s: &'a [u8],
    pub bits: u8,
    /// A [`FOLD_EXOTICS`] character was seen.
    pub exotic: bool,
}

impl<'a> CueScan<'a> {
    pub fn new(s: &'a [u8]) -> CueScan<'a> {
        CueScan {
            table: &CUE_TABLE,
            s,
            bits: 0,
            exotic: false,
        }
    }

    /// The per-byte [`CueTable::class`] bits; [`ALNUM`] is set exactly for
    /// the ASCII letters and digits.
    pub fn class(&self) -> &'static [u8; 256] {
        &CUE_CONSTS.class
    }

    /// A run `a..b` of ASCII letters and digits (ending where the next
    /// byte is none), `inner` the class bits of its bytes after the first
    /// OR-ed together.
    #[inline(always)]
    pub fn word(&mut self, a: usize, b: usize, inner: u8) {
        let t = &CUE_CONSTS;
        // A literal is all letters, so it lies inside the run: a run
        // shorter than every literal holds none (most words are short), and
        // one whose first three or four bytes hash where no literal's do
        // (most of the rest) has none at its start.
        if b - a < t.min_len {
            return;
        }
        let may = match self.s.get(a..a + 4) {
            Some(&[b0, b1, b2, b3]) => {
                let w = u32::from_le_bytes([b0, b1, b2, b3]) | 0x2020_2020;
                let three = t.prefix3[prefix_hash(w & 0x00FF_FFFF)];
                let four = t.prefix4[prefix_hash(w)];
                (three | four) & !self.bits != 0
            }
            // (a word at the sentence's end)
            _ => true,
        };
        if may {
            self.at_run_start(a);
        }
        if t.inner_possible >> (inner >> 4) & 1 != 0
            && b - a > t.min_inner_len
            && t.inner_bits & !self.bits != 0
        {
            self.inner(a + 1, b + 1 - t.min_inner_len);
        }
    }

    /// The literals starting at `a`, the start of a run of letters and
    /// digits (a word start unless the byte before is a letter or digit).
    #[inline(never)]
    fn at_run_start(&mut self, a: usize) {
        let t = self.table;
        let s = self.s;
        let at_start = a == 0 || t.class[usize::from(s[a - 1])] & ALNUM == 0;
        if at_start {
            self.bits |= t.bits_at(s, a, true, self.bits);
        } else if t.class[usize::from(s[a])] & STARTS_INNER != 0 {
            self.bits |= t.bits_at(s, a, false, self.bits);
        }
    }

    /// The literals needing no word start that start in `a..b`, inside a
    /// word.
    #[inline(never)]
    fn inner(&mut self, a: usize, b: usize) {
        let t = self.table;
        for p in a..b {
            if t.class[usize::from(self.s[p])] & STARTS_INNER != 0 {
                self.bits |= t.bits_at(self.s, p, false, self.bits);
            }
        }
    }

    /// Any token `a..b`, byte by byte as [`CueTable::sentence_bits`] reads it.
    #[inline(never)]
    pub fn token(&mut self, a: usize, b: usize) {
        let t = self.table;
        let s = self.s;
        for p in a..b.min(s.len()) {
            let class = t.class[usize::from(s[p])];
            if class & ALNUM == 0 {
                if class & EXOTIC_LEAD != 0 && FOLD_EXOTICS.iter().any(|e| s[p..].starts_with(e)) {
                    self.exotic = true;
                }
            } else if p == 0 || t.class[usize::from(s[p - 1])] & ALNUM == 0 {
                self.bits |= t.bits_at(s, p, true, self.bits);
            } else if class & STARTS_INNER != 0 {
                self.bits |= t.bits_at(s, p, false, self.bits);
            }
        }
    }
}

/// Do the gaps between the sentences `spans` (sorted, in `text`, from the
/// first's start to the last's end) hold a [`FOLD_EXOTICS`] character?
/// (With [`CueScan`], the rest of [`sentence_cues`].)
pub fn gaps_have_exotics(text: &str, spans: &[crate::span::Span]) -> bool {
    let bytes = text.as_bytes();
    spans.windows(2).any(|w| {
        let gap = bytes.get(w[0].end..w[1].start).unwrap_or(&[]);
        gap.iter().any(|&b| b >= 0x80)
            && (0..gap.len()).any(|p| FOLD_EXOTICS.iter().any(|e| gap[p..].starts_with(e)))
    })
}

/// The characters [`has_fold_exotics`] looks for, in UTF-8.
const FOLD_EXOTICS: [&[u8]; 3] = [
    "\u{212A}".as_bytes(),
    "\u{17F}".as_bytes(),
    "\u{131}".as_bytes(),
];

/// Does `text` hold a character that Unicode case folding maps to an ASCII
/// letter (KELVIN SIGN, LONG S, DOTLESS I)? The regexes are Unicode
/// case-insensitive, so [`sentence_cues`] cannot rule them out on such text.
pub fn has_fold_exotics(text: &str) -> bool {
    text.contains('\u{212A}') || text.contains('\u{17F}') || text.contains('\u{131}')
}

/// For each sentence span, which cue regexes may match inside it (bits
/// `CUE_*`): a superset of the sentences each regex matches in. A bit is set
/// when one of its literals occurs (ASCII case-insensitively) inside the
/// sentence, at a word start where the literal needs one (the regexes only
/// ever read one sentence, so nothing outside it matters). All bits when
/// the stretch the sentences cover has a [`has_fold_exotics`] character.
pub fn sentence_cues(text: &str, spans: &[crate::span::Span]) -> Vec<u8> {
    let all = || vec![u8::MAX; spans.len()];
    let sorted = spans
        .windows(2)
        .all(|w| w[0].start <= w[0].end && w[0].end <= w[1].start)
        && spans.iter().all(|s| s.end <= text.len());
    let lo = spans.first().map_or(0, |s| s.start);
    let hi = spans.last().map_or(0, |s| s.end);
    let Some(stretch) = text.get(lo..hi).filter(|_| sorted) else {
        return all();
    };
    // The sentences are searched for exotics as they are scanned, the gaps
    // between them here; a span that splits a character could hide one
    // from both, so then the whole stretch is searched first.
    let on_boundaries = spans
        .iter()
        .all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    if !on_boundaries && has_fold_exotics(stretch) {
        return all();
    }
    let bytes = text.as_bytes();
    let table = &*CUE_TABLE;
    let mut out = Vec::with_capacity(spans.len());
    let mut gap_start = lo;
    for sp in spans {
        let gap = &bytes[gap_start..sp.start];
        if gap.iter().any(|&b| b >= 0x80)
            && (0..gap.len()).any(|p| FOLD_EXOTICS.iter().any(|e| gap[p..].starts_with(e)))
        {
            return all();
        }
        match table.sentence_bits(&bytes[sp.start..sp.end]) {
            Some(bits) => out.push(bits),
            None => return all(),
        }
        gap_start = sp.end;
    }
    out
}

#[cfg(test)]
mod rx_tests {
    use super::*;

    fn all_rx() -> [(&'static str, &'static Rx); 6] {
        [
            ("conduct", &CONDUCT_RE),
            ("passive", &PASSIVE_ACTION_RE),
            ("hint", &PASSIVE_HINT),
            ("defence", &DEFENCE_RE),
            ("no-response", &NO_RESPONSE_RE),
            ("death", &DEATH_RE),
        ]
    }

    #[test]
    fn rx_neutral_chars_are_neutral() {
        let wide = regex::Regex::new(r"(?i)[a-z0-9_]|\w").unwrap();
        for c in NEUTRAL {
            assert!(!c.is_ascii() && !wide.is_match(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn rx_narrow_rule_covers_unicode_space_and_folding() {
        // every non-ASCII character the rule for `\w`-free patterns lets
        // through is no folded ASCII letter; the white space it lets through
        // is no `\w`
        let narrow = regex::Regex::new(r"(?i)[a-z0-9_]").unwrap();
        let passed: String = ('\u{80}'..=char::MAX)
            .filter(|&c| !(c == '\u{212A}' || c == '\u{17F}'))
            .collect();
        let wide = regex::Regex::new(r"\w").unwrap();
        // what the ASCII form takes for a letter, Unicode `\w` does too
        let letters: String = ('\u{80}'..LETTERS_BELOW)
            .filter(|c| c.is_alphabetic())
            .collect();
        let all_word = regex::Regex::new(r"^\w*$").unwrap();
        assert!(all_word.is_match(&letters));
        let spaces: String = ('\u{80}'..=char::MAX)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(wide.find(&spaces), None);
        assert_eq!(narrow.find(&passed).map(|m| m.as_str().to_string()), None);
        assert!(DEATH_RE.ascii_ok(&Hay::new("killed\u{A0}")));
        assert!(!DEATH_RE.ascii_ok(&Hay::new("\u{212A}illed")));
        assert!(DEATH_RE.ascii_ok(&Hay::new("Zo\u{eb} was killed")));
        assert!(NO_RESPONSE_RE.ascii_ok(&Hay::new("calls to Zo\u{eb} were not returned")));
        assert!(!NO_RESPONSE_RE.ascii_ok(&Hay::new("calls to Zoe\u{308} were not returned")));
        assert!(!NO_RESPONSE_RE.ascii_ok(&Hay::new("calls to \u{212A}im were not returned")));
        assert!(NO_RESPONSE_RE.ascii_ok(&Hay::new(
            "\u{201C}No comment,\u{201D} she said \u{2014} twice"
        )));
    }

    /// Invented sentences for the form tests.
    const TEXTS: &[&str] = &[
        "The clerk could not be reached for comment on Tuesday.",
        "Efforts by the paper to reach the Harbor Board were unsuccessful.",
        "Calls and emails   to the firm\u{2019}s lawyer went unanswered.",
        "The treasurer didn\u{2019}t respond; the mayor didn't immediately reply.",
        "A spokesman declined to comment \u{2014} and referred questions to counsel.",
        "Requests for comment to the agency, sent twice, got no response.",
        "She is accused of lying about the audit and has been charged.",
        "He faces three new charges; the firm was also fined and then pleaded not guilty.",
        "Officials said the company overbilled the city and covered up a leak.",
        "\u{201C}We did nothing wrong,\u{201D} he said, adding that they acted in good faith.",
        "The driver was killed",
        "a Zo\u{eb} Kasprzak is being investigated; \u{c9}mile admitted to it",
        "the K\u{212A} sign and lon\u{17F} s, no\u{a0}comment, was\u{2003}unavailable",
        "Calls to \u{d8}rsted\u{a0}were not returned. Was not available. Mourning",
        "Efforts to reach Jos\u{e9} Nu\u{f1}ez and \u{3a3}\u{3c9}\u{3ba}\u{3c1}\u{3ac}\u{3c4}\u{3b7}\u{3c2} were unsuccessful.",
        "Messages for \u{5f20}\u{4f1f}, \u{416}\u{435}\u{43d}\u{44f} and Zoe\u{308} \u{1f600} to reach the \u{e9}quipe went unanswered",
        "She is reportedly \u{e9}tonn\u{e9}ly accused; he faces \u{e9}\u{e9} two \u{e0} charges and admitt\u{e9} it",
        "\u{c9}ventually was charged. Admitted\u{2019}s to",
        "",
    ];

    /// Pieces of invented sentences: cue words and phrases of every
    /// pattern, fillers, adverbs, non-ASCII letters and characters that
    /// fold to ASCII letters.
    const PIECES: &[&str] = &[
        "could not be reached",
        "couldn't be reached",
        "cannot be reached",
        "was not",
        "were not",
        "immediately",
        "available",
        "unavailable",
        "unable to be reached",
        "did not",
        "didn't",
        "didn\u{2019}t",
        "does not",
        "has not",
        "had not",
        "respond",
        "responded",
        "return",
        "returned",
        "reply",
        "answer",
        "comment",
        "went unanswered",
        "went unreturned",
        "no response",
        "no comment",
        "declined to",
        "declines to",
        "refused to",
        "would not",
        "wouldn't",
        "will not",
        "willnot",
        "say",
        "discuss",
        "elaborate",
        "be interviewed",
        "referred questions",
        "refers inquiries",
        "calls",
        "emails",
        "messages",
        "requests",
        "attempts",
        "efforts",
        "to reach",
        "to",
        "for",
        "sought comment from",
        "reached out to",
        "request for comment",
        "asked for comment",
        "is",
        "was",
        "were",
        "are",
        "been",
        "being",
        "be",
        "has been",
        "will be",
        "could be",
        "stands",
        "remains",
        "also",
        "reportedly",
        "quickly",
        "accused",
        "charged",
        "indicted",
        "sued",
        "fined",
        "placed on",
        "under investigation",
        "subject of",
        "named in",
        "found guilty",
        "ordered to pay",
        "fired",
        "pleaded",
        "pleads",
        "not guilty",
        "guilty",
        "faces",
        "face",
        "three",
        "new",
        "federal",
        "charges",
        "counts",
        "lawsuits",
        "admitted",
        "admits",
        "admitting",
        "lied",
        "lies",
        "liar",
        "lying",
        "misled",
        "concealed",
        "covered up",
        "cover-up",
        "coverup",
        "hid",
        "hidden",
        "forged",
        "inflated",
        "harassed",
        "bullied",
        "abused",
        "failed to",
        "failing",
        "stole",
        "stealing",
        "kickbacks",
        "sat on",
        "never told",
        "withheld",
        "leaked",
        "turned off",
        "wrong",
        "recklessly",
        "unlawfully",
        "corruption",
        "sold out",
        "scammed",
        "plagiarised",
        "never paid",
        "allegedly",
        "traded her vote",
        "sexually harass",
        "assaulted",
        "keep their complaints",
        "keep quiet",
        "would ruin",
        "lax",
        "sloppy",
        "unsafe",
        "done nothing wrong",
        "did nothing wrong",
        "no wrongdoing",
        "is innocent",
        "acted in good faith",
        "acted within the law",
        "never crossed the line",
        "killed",
        "killing",
        "murdered",
        "death of",
        "fatal shooting of",
        "fatally shot",
        "funeral for",
        "mourned",
        "mourning",
        "the",
        "a",
        "clerk",
        "board",
        "mayor",
        "she",
        "he",
        "they",
        "said",
        "and",
        "of",
        "in",
        "it",
        "Zo\u{eb}",
        "Jos\u{e9}",
        "\u{c9}mile",
        "\u{d8}rsted",
        "\u{3a3}\u{3c9}",
        "\u{416}\u{435}\u{43d}\u{44f}",
        "Zoe\u{308}",
        "\u{5f20}",
        "\u{212A}illed",
        "lon\u{17F}",
        "\u{130}s",
        "\u{131}s",
        "ly",
        "ed",
        "ing",
        "s",
        "_x",
        "42",
        "3.5",
        "\u{1f600}",
        "\u{b5}",
    ];

    /// Between pieces: nothing (the pieces run together), spaces, other
    /// white space, punctuation.
    const GLUE: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        "  ",
        "",
        "\u{a0}",
        "\u{2003}",
        "\n",
        "\t",
        ", ",
        ". ",
        "; ",
        " \u{2014} ",
        "\u{2019}",
        "'",
        "-",
        "\u{201C}",
        "\u{201D} ",
        "(",
        ") ",
        "\u{b7}",
    ];

    /// Pieces of the predicates [`PASSIVE_ACTION_RE`] matches at the start.
    const PASSIVE_PIECES: &[&str] = &[
        "is",
        "was",
        "were",
        "are",
        "has been",
        "had been",
        "being",
        "will be",
        "could be",
        "stands",
        "remains",
        "reportedly",
        "quietly",
        "\u{e9}tonn\u{e9}ly",
        "also",
        "accused",
        "charged",
        "criticised",
        "placed on",
        "put on",
        "under investigation",
        "subject of",
        "named in",
        "found liable",
        "found guilty",
        "ordered to pay",
        "ousted",
        "pleaded",
        "pleads",
        "has pleaded",
        "not guilty",
        "guilty",
        "faces",
        "face",
        "two",
        "more",
        "Zo\u{eb}",
        "\u{17F}",
        "charges",
        "counts",
        "allegations",
        "investigation",
        "admitted",
        "admits",
        "to",
        "it",
    ];

    /// `n` invented sentences from `pieces` and [`GLUE`] (a fixed
    /// pseudo-random sequence).
    fn generated(pieces: &[&str], n: usize) -> Vec<String> {
        let recipe = crate::testgen::Recipe {
            pieces,
            glue: GLUE,
            min_pieces: 2,
            extra_pieces: 12,
            trailing_glue: false,
            seed: 0x2545_f491_4f6c_dd1d,
        };
        crate::testgen::invented(&recipe, n)
    }

    /// The regex crate's reading of an [`Rx`]'s patterns (as one
    /// alternation with a named group each: the original pattern), and
    /// its successive matches as [`Hit`]s.
    fn reference(rx: &Rx) -> impl Fn(&str) -> Vec<Hit> {
        let pattern = if rx.names.is_empty() {
            rx.patterns[0].to_string()
        } else {
            assert_eq!(rx.patterns, patterns::NO_RESPONSE);
            patterns::no_response()
        };
        let re = regex::Regex::new(&patterns::ascii_boundaries(&pattern)).unwrap();
        let names = rx.names;
        move |hay| {
            re.captures_iter(hay)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let pattern = names.iter().position(|n| c.name(n).is_some()).unwrap_or(0);
                    Hit {
                        pattern,
                        start: m.start(),
                        end: m.end(),
                    }
                })
                .collect()
        }
    }

    /// On `texts` and some of their suffixes, the prebuilt DFA (where the
    /// ASCII form serves) and the Unicode form find the matches the regex
    /// crate finds, and `is_match`, `find`, `find_iter` and `captures_iter`
    /// agree with them. Returns, per rx and pattern, how many matches the
    /// DFA found.
    fn check_forms(texts: &[&str], all_suffixes: bool) -> Vec<Vec<usize>> {
        let mut counts = Vec::new();
        for (name, rx) in all_rx() {
            let expect = reference(rx);
            let mut count = vec![0; rx.patterns.len()];
            for text in texts {
                let starts: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let picked: Vec<usize> = if all_suffixes {
                    starts
                } else {
                    // the whole text, and suffixes from a few word starts
                    starts
                        .iter()
                        .copied()
                        .filter(|&i| i == 0 || text.as_bytes()[i - 1] == b' ')
                        .collect()
                };
                for start in picked {
                    let hay = &text[start..];
                    let hits = expect(hay);
                    assert_eq!(rx.unicode_hits(hay), hits, "{name} (Unicode) on {hay:?}");
                    if rx.ascii_ok(&Hay::new(hay)) {
                        let dfa = rx.dfa.find_all(hay).expect("the DFA reads");
                        assert_eq!(dfa, hits, "{name} (DFA) on {hay:?}");
                        for h in &dfa {
                            count[h.pattern] += 1;
                        }
                    }
                    let spans: Vec<RxMatch> = hits
                        .iter()
                        .map(|h| RxMatch {
                            start: h.start,
                            end: h.end,
                        })
                        .collect();
                    assert_eq!(rx.is_match(hay), !hits.is_empty(), "{name} on {hay:?}");
                    assert_eq!(rx.find(hay), spans.first().copied(), "{name} on {hay:?}");
                    assert_eq!(rx.find_iter(hay).collect::<Vec<_>>(), spans, "{name}");
                    let caps: Vec<(RxMatch, &str)> =
                        rx.captures_iter(hay).map(|c| (c.whole(), c.name)).collect();
                    let names = hits
                        .iter()
                        .map(|h| rx.names.get(h.pattern).copied().unwrap_or(""));
                    let want: Vec<(RxMatch, &str)> = spans.iter().copied().zip(names).collect();
                    assert_eq!(caps, want, "{name} on {hay:?}");
                }
            }
            counts.push(count);
        }
        counts
    }

    #[test]
    fn rx_ascii_word_class_is_unicode_on_text_it_serves() {
        // every character that text the ASCII form serves can hold
        let ascii_w = regex::Regex::new(&patterns::ascii_form(r"^\w$")).unwrap();
        let unicode_w = regex::Regex::new(r"^\w$").unwrap();
        let mut served = 0;
        for c in '\0'..=char::MAX {
            let s = c.to_string();
            if PASSIVE_HINT.ascii_ok(&Hay::new(&s)) {
                served += 1;
                assert_eq!(ascii_w.is_match(&s), unicode_w.is_match(&s), "{c:?}");
            }
        }
        assert!(served > 1000, "{served}");
    }

    #[test]
    fn rx_forms_agree() {
        check_forms(TEXTS, true);
        let named = NO_RESPONSE_RE
            .captures_iter("Calls to her went unanswered; she declined to comment.")
            .collect::<Vec<_>>();
        let kinds: Vec<(&str, usize)> = named.iter().map(|c| (c.name, c.whole().start())).collect();
        assert_eq!(kinds, [("reach", 0), ("nores", 13), ("decl", 34)]);
        assert!(named[1].name("nores").is_some() && named[1].name("reach").is_none());
    }

    #[test]
    fn rx_forms_agree_on_invented_sentences() {
        let mut texts = generated(PIECES, 4000);
        texts.extend(generated(PASSIVE_PIECES, 1000));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let counts = check_forms(&texts, false);
        // every pattern matched often: the comparison meant something
        for ((name, _), count) in all_rx().iter().zip(&counts) {
            for (p, &n) in count.iter().enumerate() {
                assert!(n >= 50, "{name} pattern {p}: {n} matches");
            }
        }
    }

    /// [`sentence_cues`] by brute force: every literal at every position.
    fn reference_cues(text: &str, spans: &[crate::span::Span]) -> Vec<u8> {
        let lo = spans.first().map_or(0, |s| s.start);
        let hi = spans.last().map_or(0, |s| s.end);
        if has_fold_exotics(&text[lo..hi]) {
            return vec![u8::MAX; spans.len()];
        }
        let b = text.as_bytes();
        spans
            .iter()
            .map(|sp| {
                let mut bits = 0;
                let s = &b[sp.start..sp.end];
                for &(bit, word_start, words) in CUE_WORDS {
                    for w in words {
                        let follows = CUE_FOLLOWS
                            .iter()
                            .filter(|&&(fb, l, _)| fb == bit && l == *w)
                            .flat_map(|&(_, _, f)| f.iter())
                            .collect::<Vec<_>>();
                        for p in 0..s.len().saturating_sub(w.len() - 1) {
                            let e = p + w.len();
                            if !s[p..e].eq_ignore_ascii_case(w.as_bytes())
                                || word_start && p > 0 && s[p - 1].is_ascii_alphanumeric()
                            {
                                continue;
                            }
                            // what comes after the white space
                            let rest = std::str::from_utf8(&s[e..])
                                .unwrap_or("")
                                .trim_start_matches([' ', '\t', '\n', '\r', '\u{b}', '\u{c}']);
                            let followed = follows.is_empty()
                                || rest.starts_with(|c: char| !c.is_ascii())
                                || follows.iter().any(|f| {
                                    rest.len() >= f.len()
                                        && rest.as_bytes()[..f.len()]
                                            .eq_ignore_ascii_case(f.as_bytes())
                                });
                            if followed {
                                bits |= bit;
                            }
                        }
                    }
                }
                bits
            })
            .collect()
    }

    #[test]
    fn sentence_cues_match_brute_force() {
        let mut pieces: Vec<&str> = PIECES.to_vec();
        pieces.extend(PASSIVE_PIECES);
        pieces.extend([
            "skilled",
            "Admitted",
            "readmit",
            "deathly",
            "undied",
            "unfatal",
            "3kill",
            "x_lie",
            "\u{212A}ill",
            "lo\u{17F}t",
            "\u{131}lle",
            "éfail",
            "KILLER",
            "Ünfit",
        ]);
        let texts = generated(&pieces, 3000);
        for (n, text) in texts.iter().enumerate() {
            let spans = sentence_spans(text, n);
            assert_eq!(
                sentence_cues(text, &spans),
                reference_cues(text, &spans),
                "{text:?}"
            );
        }
    }

    /// Sentences of a generated text, cut at the glue's ". "; in text `n`,
    /// one in three, the space after the period belongs to no sentence.
    fn sentence_spans(text: &str, n: usize) -> Vec<crate::span::Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            spans.push(crate::span::Span::new(start, i + 1));
            start = i + if n.is_multiple_of(3) { 2 } else { 1 };
        }
        spans.push(crate::span::Span::new(start, text.len()));
        spans
    }

    #[test]
    fn cues_with_the_tokens_match_sentence_cues() {
        let mut pieces: Vec<&str> = PIECES.to_vec();
        pieces.extend(PASSIVE_PIECES);
        pieces.extend(FOLLOW_PIECES);
        pieces.extend([
            "co-kill",
            "x.died",
            "\u{212A}ill",
            "lo\u{17F}t",
            "éfail",
            "ça-murder",
            "Dr.fatal",
            "lie's",
            "U.S.funeral",
            "don't-lie",
        ]);
        for (n, text) in generated(&pieces, 3000).iter().enumerate() {
            let spans = sentence_spans(text, n);
            let work = crate::actors::index::BlockToks::compute(text, 0, &spans);
            assert_eq!(work.cues(), sentence_cues(text, &spans), "{text:?}");
        }
    }

    /// The cue words of [`CUE_FOLLOWS`], alone and with what follows them.
    const FOLLOW_PIECES: &[&str] = &[
        "would",
        "never",
        "keep",
        "stay",
        "sat",
        "Saturday",
        "turn",
        "turnout",
        "shut",
        "switch",
        "sold",
        "sell",
        "sells out",
        "selling",
        "fail",
        "trade",
        "traded",
        "cover",
        "covers up",
        "asked",
        "sought",
        "declined",
        "declines",
        "refused",
        "referred",
        "refers",
        "under",
        "understand",
        "found",
        "founder",
        "put",
        "placed",
        "named",
        "subject",
        "ordered",
        "not",
        "n't",
        "NOT",
        "ruin",
        "told",
        "on",
        "off",
        "out",
        "up",
        "-up",
        "for comment",
        "comment",
        "to",
        "questions",
        "liable",
        "guilty",
        "of",
        "in",
        "investigation",
        "quiet",
        "their complaints",
    ];

    #[test]
    fn sentence_cues_cover_every_match() {
        let mut pieces: Vec<&str> = PIECES.to_vec();
        pieces.extend(PASSIVE_PIECES);
        pieces.extend(FOLLOW_PIECES);
        pieces.extend(FOLLOW_PIECES);
        let texts = generated(&pieces, 1500);
        let mut seen = 0u8;
        for text in &texts {
            let mut spans = Vec::new();
            let mut start = 0;
            for (i, _) in text.match_indices(". ") {
                spans.push(crate::span::Span::new(start, i + 1));
                start = i + 2;
            }
            spans.push(crate::span::Span::new(start, text.len()));
            let bits = sentence_cues(text, &spans);
            for (sp, b) in spans.iter().zip(bits) {
                let s = sp.slice(text);
                let passive = s
                    .char_indices()
                    .any(|(i, _)| PASSIVE_ACTION_RE.is_match(&s[i..]));
                for (bit, matched) in [
                    (CUE_CONDUCT, CONDUCT_RE.is_match(s)),
                    (CUE_NO_RESPONSE, NO_RESPONSE_RE.is_match(s)),
                    (CUE_PASSIVE, passive),
                ] {
                    if matched {
                        assert!(b & bit != 0, "cue {bit} missing for {s:?}");
                        seen |= bit;
                    }
                }
            }
        }
        assert_eq!(seen, CUE_CONDUCT | CUE_NO_RESPONSE | CUE_PASSIVE);
        // a cue word alone, without what its regex needs after it, is no cue
        for (s, bit) in [
            ("They would go.", CUE_CONDUCT | CUE_NO_RESPONSE),
            ("He asked about the turnout on Saturday.", u8::MAX),
            ("The founder was never late.", u8::MAX),
        ] {
            let cues = sentence_cues(s, &[crate::span::Span::new(0, s.len())]);
            assert_eq!(cues[0] & bit, 0, "{s:?}");
        }
    }

    /// The tables compiled into the crate are the ones built from the
    /// lists at run time.
    #[test]
    fn compiled_tables_match_the_built_ones() {
        let (c, t) = (&CUE_CONSTS, &*CUE_TABLE);
        assert_eq!(c.class, t.class);
        assert_eq!(c.prefix3, *t.prefix3);
        assert_eq!(c.prefix4, *t.prefix4);
        assert_eq!(
            (c.min_len, c.min_inner_len, c.inner_bits, c.inner_possible),
            (t.min_len, t.min_inner_len, t.inner_bits, t.inner_possible)
        );
        assert_eq!(REPORT_OR_FRAME_CONST, **REPORT_OR_FRAME);
    }

    #[test]
    fn report_or_frame_filter_takes_every_word_in_either_case() {
        for w in report_or_frame_words() {
            for form in [w.to_string(), w.to_ascii_uppercase(), {
                let mut c = w.to_string();
                c[..1].make_ascii_uppercase();
                c
            }] {
                assert!(may_report_or_frame(form.as_bytes()), "{form}");
            }
        }
        // most other words are turned away
        let others = ["the", "and", "of", "yesterday", "river", "a"];
        assert!(
            others
                .iter()
                .filter(|w| may_report_or_frame(w.as_bytes()))
                .count()
                < 3
        );
    }

    #[test]
    fn frame_words_are_distinct_and_lower_case() {
        assert_eq!(FRAME_TABLE.map.len(), FRAMES.len());
        for (w, f) in FRAMES {
            assert_eq!(w.to_ascii_lowercase(), *w);
            assert_eq!(frame_verb(w), Some(*f), "{w}");
            assert_eq!(frame_verb(&w.to_ascii_uppercase()), Some(*f), "{w}");
        }
        for w in [
            "accusation",
            "sued-",
            "Put",
            "PUT",
            "in",
            "against!",
            "éblame",
        ] {
            let want = if w == "Put" || w == "PUT" {
                Some(Frame::Place)
            } else {
                None
            };
            assert_eq!(frame_verb(w), want, "{w}");
        }
    }
}
