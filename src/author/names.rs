//! States as depositaries name them. The UN Treaty Collection lists participants by their formal UN
//! names ("United Republic of Tanzania", "Iran (Islamic Republic of)", "Türkiye"), older copies by
//! former ones ("Turkey", "Swaziland"), with footnote numbers run on ("China7,8"). Matching a table to
//! the tree goes through this list, the ISO codes, and the names the tree's own records give.

use std::collections::BTreeMap;

/// A state: ISO 3166-1 alpha-3 and alpha-2 codes and its name as the UN Treaty Collection writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub iso3: &'static str,
    pub iso2: &'static str,
    pub un_name: &'static str,
}

macro_rules! states {
    ($(($iso3:literal, $iso2:literal, $name:literal)),* $(,)?) => {
        &[$(State { iso3: $iso3, iso2: $iso2, un_name: $name }),*]
    };
}

/// UN member and observer states and the other states that take part in UN treaties, by the names the
/// UN Treaty Collection uses.
pub const STATES: &[State] = states![
    ("AFG", "AF", "Afghanistan"),
    ("ALB", "AL", "Albania"),
    ("DZA", "DZ", "Algeria"),
    ("AND", "AD", "Andorra"),
    ("AGO", "AO", "Angola"),
    ("ATG", "AG", "Antigua and Barbuda"),
    ("ARG", "AR", "Argentina"),
    ("ARM", "AM", "Armenia"),
    ("AUS", "AU", "Australia"),
    ("AUT", "AT", "Austria"),
    ("AZE", "AZ", "Azerbaijan"),
    ("BHS", "BS", "Bahamas"),
    ("BHR", "BH", "Bahrain"),
    ("BGD", "BD", "Bangladesh"),
    ("BRB", "BB", "Barbados"),
    ("BLR", "BY", "Belarus"),
    ("BEL", "BE", "Belgium"),
    ("BLZ", "BZ", "Belize"),
    ("BEN", "BJ", "Benin"),
    ("BTN", "BT", "Bhutan"),
    ("BOL", "BO", "Bolivia (Plurinational State of)"),
    ("BIH", "BA", "Bosnia and Herzegovina"),
    ("BWA", "BW", "Botswana"),
    ("BRA", "BR", "Brazil"),
    ("BRN", "BN", "Brunei Darussalam"),
    ("BGR", "BG", "Bulgaria"),
    ("BFA", "BF", "Burkina Faso"),
    ("BDI", "BI", "Burundi"),
    ("CPV", "CV", "Cabo Verde"),
    ("KHM", "KH", "Cambodia"),
    ("CMR", "CM", "Cameroon"),
    ("CAN", "CA", "Canada"),
    ("CAF", "CF", "Central African Republic"),
    ("TCD", "TD", "Chad"),
    ("CHL", "CL", "Chile"),
    ("CHN", "CN", "China"),
    ("COL", "CO", "Colombia"),
    ("COM", "KM", "Comoros"),
    ("COG", "CG", "Congo"),
    ("COK", "CK", "Cook Islands"),
    ("CRI", "CR", "Costa Rica"),
    ("CIV", "CI", "Côte d'Ivoire"),
    ("HRV", "HR", "Croatia"),
    ("CUB", "CU", "Cuba"),
    ("CYP", "CY", "Cyprus"),
    ("CZE", "CZ", "Czechia"),
    ("PRK", "KP", "Democratic People's Republic of Korea"),
    ("COD", "CD", "Democratic Republic of the Congo"),
    ("DNK", "DK", "Denmark"),
    ("DJI", "DJ", "Djibouti"),
    ("DMA", "DM", "Dominica"),
    ("DOM", "DO", "Dominican Republic"),
    ("ECU", "EC", "Ecuador"),
    ("EGY", "EG", "Egypt"),
    ("SLV", "SV", "El Salvador"),
    ("GNQ", "GQ", "Equatorial Guinea"),
    ("ERI", "ER", "Eritrea"),
    ("EST", "EE", "Estonia"),
    ("SWZ", "SZ", "Eswatini"),
    ("ETH", "ET", "Ethiopia"),
    ("FJI", "FJ", "Fiji"),
    ("FIN", "FI", "Finland"),
    ("FRA", "FR", "France"),
    ("GAB", "GA", "Gabon"),
    ("GMB", "GM", "Gambia"),
    ("GEO", "GE", "Georgia"),
    ("DEU", "DE", "Germany"),
    ("GHA", "GH", "Ghana"),
    ("GRC", "GR", "Greece"),
    ("GRD", "GD", "Grenada"),
    ("GTM", "GT", "Guatemala"),
    ("GIN", "GN", "Guinea"),
    ("GNB", "GW", "Guinea-Bissau"),
    ("GUY", "GY", "Guyana"),
    ("HTI", "HT", "Haiti"),
    ("VAT", "VA", "Holy See"),
    ("HND", "HN", "Honduras"),
    ("HUN", "HU", "Hungary"),
    ("ISL", "IS", "Iceland"),
    ("IND", "IN", "India"),
    ("IDN", "ID", "Indonesia"),
    ("IRN", "IR", "Iran (Islamic Republic of)"),
    ("IRQ", "IQ", "Iraq"),
    ("IRL", "IE", "Ireland"),
    ("ISR", "IL", "Israel"),
    ("ITA", "IT", "Italy"),
    ("JAM", "JM", "Jamaica"),
    ("JPN", "JP", "Japan"),
    ("JOR", "JO", "Jordan"),
    ("KAZ", "KZ", "Kazakhstan"),
    ("KEN", "KE", "Kenya"),
    ("KIR", "KI", "Kiribati"),
    ("KWT", "KW", "Kuwait"),
    ("KGZ", "KG", "Kyrgyzstan"),
    ("LAO", "LA", "Lao People's Democratic Republic"),
    ("LVA", "LV", "Latvia"),
    ("LBN", "LB", "Lebanon"),
    ("LSO", "LS", "Lesotho"),
    ("LBR", "LR", "Liberia"),
    ("LBY", "LY", "Libya"),
    ("LIE", "LI", "Liechtenstein"),
    ("LTU", "LT", "Lithuania"),
    ("LUX", "LU", "Luxembourg"),
    ("MDG", "MG", "Madagascar"),
    ("MWI", "MW", "Malawi"),
    ("MYS", "MY", "Malaysia"),
    ("MDV", "MV", "Maldives"),
    ("MLI", "ML", "Mali"),
    ("MLT", "MT", "Malta"),
    ("MHL", "MH", "Marshall Islands"),
    ("MRT", "MR", "Mauritania"),
    ("MUS", "MU", "Mauritius"),
    ("MEX", "MX", "Mexico"),
    ("FSM", "FM", "Micronesia (Federated States of)"),
    ("MCO", "MC", "Monaco"),
    ("MNG", "MN", "Mongolia"),
    ("MNE", "ME", "Montenegro"),
    ("MAR", "MA", "Morocco"),
    ("MOZ", "MZ", "Mozambique"),
    ("MMR", "MM", "Myanmar"),
    ("NAM", "NA", "Namibia"),
    ("NRU", "NR", "Nauru"),
    ("NPL", "NP", "Nepal"),
    ("NLD", "NL", "Netherlands (Kingdom of the)"),
    ("NZL", "NZ", "New Zealand"),
    ("NIC", "NI", "Nicaragua"),
    ("NER", "NE", "Niger"),
    ("NGA", "NG", "Nigeria"),
    ("NIU", "NU", "Niue"),
    ("MKD", "MK", "North Macedonia"),
    ("NOR", "NO", "Norway"),
    ("OMN", "OM", "Oman"),
    ("PAK", "PK", "Pakistan"),
    ("PLW", "PW", "Palau"),
    ("PAN", "PA", "Panama"),
    ("PNG", "PG", "Papua New Guinea"),
    ("PRY", "PY", "Paraguay"),
    ("PER", "PE", "Peru"),
    ("PHL", "PH", "Philippines"),
    ("POL", "PL", "Poland"),
    ("PRT", "PT", "Portugal"),
    ("QAT", "QA", "Qatar"),
    ("KOR", "KR", "Republic of Korea"),
    ("MDA", "MD", "Republic of Moldova"),
    ("ROU", "RO", "Romania"),
    ("RUS", "RU", "Russian Federation"),
    ("RWA", "RW", "Rwanda"),
    ("KNA", "KN", "Saint Kitts and Nevis"),
    ("LCA", "LC", "Saint Lucia"),
    ("VCT", "VC", "Saint Vincent and the Grenadines"),
    ("WSM", "WS", "Samoa"),
    ("SMR", "SM", "San Marino"),
    ("STP", "ST", "Sao Tome and Principe"),
    ("SAU", "SA", "Saudi Arabia"),
    ("SEN", "SN", "Senegal"),
    ("SRB", "RS", "Serbia"),
    ("SYC", "SC", "Seychelles"),
    ("SLE", "SL", "Sierra Leone"),
    ("SGP", "SG", "Singapore"),
    ("SVK", "SK", "Slovakia"),
    ("SVN", "SI", "Slovenia"),
    ("SLB", "SB", "Solomon Islands"),
    ("SOM", "SO", "Somalia"),
    ("ZAF", "ZA", "South Africa"),
    ("SSD", "SS", "South Sudan"),
    ("ESP", "ES", "Spain"),
    ("LKA", "LK", "Sri Lanka"),
    ("PSE", "PS", "State of Palestine"),
    ("SDN", "SD", "Sudan"),
    ("SUR", "SR", "Suriname"),
    ("SWE", "SE", "Sweden"),
    ("CHE", "CH", "Switzerland"),
    ("SYR", "SY", "Syrian Arab Republic"),
    ("TJK", "TJ", "Tajikistan"),
    ("THA", "TH", "Thailand"),
    ("TLS", "TL", "Timor-Leste"),
    ("TGO", "TG", "Togo"),
    ("TON", "TO", "Tonga"),
    ("TTO", "TT", "Trinidad and Tobago"),
    ("TUN", "TN", "Tunisia"),
    ("TUR", "TR", "Türkiye"),
    ("TKM", "TM", "Turkmenistan"),
    ("TUV", "TV", "Tuvalu"),
    ("UGA", "UG", "Uganda"),
    ("UKR", "UA", "Ukraine"),
    ("ARE", "AE", "United Arab Emirates"),
    (
        "GBR",
        "GB",
        "United Kingdom of Great Britain and Northern Ireland"
    ),
    ("TZA", "TZ", "United Republic of Tanzania"),
    ("USA", "US", "United States of America"),
    ("URY", "UY", "Uruguay"),
    ("UZB", "UZ", "Uzbekistan"),
    ("VUT", "VU", "Vanuatu"),
    ("VEN", "VE", "Venezuela (Bolivarian Republic of)"),
    ("VNM", "VN", "Viet Nam"),
    ("YEM", "YE", "Yemen"),
    ("ZMB", "ZM", "Zambia"),
    ("ZWE", "ZW", "Zimbabwe"),
];

/// Former UN names and common short forms found in older or secondary copies of status tables.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("Turkey", "TUR"),
    ("Swaziland", "SWZ"),
    ("Czech Republic", "CZE"),
    ("Cape Verde", "CPV"),
    ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Libyan Arab Jamahiriya", "LBY"),
    ("Netherlands", "NLD"),
    ("Tanzania", "TZA"),
    ("Russia", "RUS"),
    ("Syria", "SYR"),
    ("Laos", "LAO"),
    ("Vietnam", "VNM"),
    ("Moldova", "MDA"),
    ("South Korea", "KOR"),
    ("North Korea", "PRK"),
    ("Ivory Coast", "CIV"),
    ("DR Congo", "COD"),
    ("Democratic Republic of Congo", "COD"),
    ("Congo, Democratic Republic of the", "COD"),
    ("Zaire", "COD"),
    ("Republic of the Congo", "COG"),
    ("East Timor", "TLS"),
    ("Burma", "MMR"),
    ("Brunei", "BRN"),
    ("Palestine", "PSE"),
    ("United Kingdom", "GBR"),
    ("United States", "USA"),
    ("Vatican", "VAT"),
];

/// A name reduced for comparison: Latin letters without diacritics, lower case, words separated by
/// one space, and no article "the" (so "Gambia" meets "The Gambia").
pub fn normalise(name: &str) -> String {
    let mut folded = String::new();
    for c in name.chars() {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c if c.is_alphanumeric() => c.to_lowercase().next().unwrap_or(c),
            _ => ' ',
        };
        folded.push(base);
    }
    folded
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// A participant cell without the footnote numbers depositaries run on to names ("Türkiye4",
/// "China 7, 8", "Germany³").
pub fn strip_footnotes(cell: &str) -> &str {
    cell.trim()
        .trim_end_matches(|c: char| {
            c.is_ascii_digit()
                || matches!(c, ',' | '*' | ' ' | '\u{a0}' | '¹' | '²' | '³')
                || ('\u{2070}'..='\u{2079}').contains(&c)
        })
        .trim()
}

/// Finds the state a table names: by ISO3 code, by the UN name or another known name, or by the name a
/// record of the tree gives (`extra`, name → ISO3).
pub struct Matcher {
    by_name: BTreeMap<String, String>,
}

impl Matcher {
    /// A matcher for the known names and the tree's own (`records`: ISO3 and the name in the record).
    pub fn new<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> Matcher {
        let mut by_name = BTreeMap::new();
        let mut add = |name: &str, iso3: &str| {
            let key = normalise(name);
            if !key.is_empty() {
                by_name.entry(key).or_insert_with(|| iso3.to_string());
            }
            // "Iran (Islamic Republic of)" is also written "Iran".
            if let Some((short, _)) = name.split_once('(') {
                let key = normalise(short);
                if !key.is_empty() {
                    by_name.entry(key).or_insert_with(|| iso3.to_string());
                }
            }
        };
        // The tree's names first: a user's tree decides what its own names mean.
        for (iso3, name) in records {
            add(name, iso3);
        }
        for s in STATES {
            add(s.un_name, s.iso3);
        }
        for (name, iso3) in OTHER_NAMES {
            add(name, iso3);
        }
        Matcher { by_name }
    }

    /// The ISO3 code of the state a participant cell names, if it names one.
    pub fn find(&self, cell: &str) -> Option<String> {
        let name = strip_footnotes(cell);
        if name.len() == 3 && name.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(name.to_string());
        }
        self.by_name.get(&normalise(name)).cloned()
    }
}

/// The state with this ISO3 code, if it is in the list.
pub fn state(iso3: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.iso3 == iso3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_names_former_names_and_codes_find_their_state() {
        let m = Matcher::new([("TZA", "Tanzania")]);
        for (cell, iso3) in [
            ("United Republic of Tanzania", "TZA"),
            ("Tanzania", "TZA"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Turkiye 4", "TUR"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("Iran", "IRN"),
            ("Democratic Republic of the Congo", "COD"),
            ("Congo", "COG"),
            ("Russian Federation", "RUS"),
            ("China7,8", "CHN"),
            ("Côte d’Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("The Gambia", "GMB"),
            ("KEN", "KEN"),
        ] {
            assert_eq!(m.find(cell).as_deref(), Some(iso3), "{cell}");
        }
    }

    #[test]
    fn a_name_is_never_matched_by_a_part_of_it() {
        let m = Matcher::new([]);
        assert_eq!(m.find("Niger").as_deref(), Some("NER"));
        assert_eq!(m.find("Nigeria").as_deref(), Some("NGA"));
        assert_eq!(m.find("Guinea").as_deref(), Some("GIN"));
        assert_eq!(m.find("Dominica").as_deref(), Some("DMA"));
        assert_eq!(m.find("Narnia"), None);
        assert_eq!(m.find("Kenya Republic"), None);
    }

    #[test]
    fn the_list_has_one_entry_per_code() {
        let mut codes: Vec<&str> = STATES.iter().map(|s| s.iso3).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
        assert!(n >= 197);
    }
}
