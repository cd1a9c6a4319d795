//! The open-data catalogue in DCAT-AP-NO (the Norwegian profile of DCAT-AP) as JSON-LD: who
//! publishes, under which licence, how often it changes and where each table's CSV and JSON-stat
//! files are. Metadata only: the URLs it names are served by the public service.
//!
//! Every table has two stable files under `{base_url}/statistikk/data/`: `{table_id}.csv` and
//! `{table_id}.json` (JSON-stat 2.0); the catalogue itself is [`CATALOGUE_PATH`].

use serde_json::{Value as Json, json};
use time::Date;

use crate::iso_date;

/// Where the public service serves the files, below its base URL.
pub const DATA_PATH: &str = "/statistikk/data";

/// Where the public service serves this catalogue, below its base URL.
pub const CATALOGUE_PATH: &str = "/statistikk/data/katalog.jsonld";

/// IMDi in the Central Coordinating Register for Legal Entities (organisation number
/// 974 778 874): the publisher's URI that DCAT-AP-NO asks for.
pub const PUBLISHER: &str = "https://data.brreg.no/enhetsregisteret/api/enheter/974778874";

/// The Norwegian Licence for Open Government Data 2.0.
pub const LICENCE: &str = "http://data.norge.no/nlod/no/2.0";

const CONTACT_EMAIL: &str = "mailto:post@imdi.no";
const CONTACT_PAGE: &str = "https://www.imdi.no/";
const FREQUENCY: &str = "http://publications.europa.eu/resource/authority/frequency/";
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";
const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";
/// EU data theme «Population and society».
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/SOCI";
const ACCESS_PUBLIC: &str = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

/// A text in the three languages of the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub nb: String,
    pub nn: String,
    pub en: String,
}

impl Texts {
    pub fn new(nb: impl Into<String>, nn: impl Into<String>, en: impl Into<String>) -> Texts {
        Texts {
            nb: nb.into(),
            nn: nn.into(),
            en: en.into(),
        }
    }

    /// The texts as JSON-LD language-tagged strings.
    fn json_ld(&self) -> Json {
        json!([
            { "@language": "nb", "@value": self.nb },
            { "@language": "nn", "@value": self.nn },
            { "@language": "en", "@value": self.en },
        ])
    }
}

/// The period a dataset covers; an open end means up to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Temporal {
    pub start: Date,
    pub end: Option<Date>,
}

/// How often a dataset changes, from the EU frequency vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    /// Whenever the register changes (tables computed on request).
    Continuous,
    Daily,
    /// Twice a year (the 30 June / 31 December series).
    Semiannual,
    Annual,
}

impl Frequency {
    fn uri(self) -> String {
        let code = match self {
            Frequency::Continuous => "CONT",
            Frequency::Daily => "DAILY",
            Frequency::Semiannual => "ANNUAL_2",
            Frequency::Annual => "ANNUAL",
        };
        format!("{FREQUENCY}{code}")
    }
}

/// What the catalogue says about one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetInfo {
    /// The table id, e.g. `entries-by-category`: the file name of its distributions.
    pub table_id: String,
    pub title: Texts,
    pub description: Texts,
    pub temporal: Temporal,
    pub frequency: Frequency,
}

fn id(uri: impl Into<String>) -> Json {
    json!({ "@id": uri.into() })
}

fn xsd_date(day: Date) -> Json {
    json!({ "@value": iso_date(day), "@type": "xsd:date" })
}

fn distribution(base: &str, info: &DatasetInfo, extension: &str, file_type: &str, media_type: &str) -> Json {
    let url = format!("{base}{DATA_PATH}/{}.{extension}", info.table_id);
    json!({
        "@id": url.clone() + "#distribution",
        "@type": "dcat:Distribution",
        "dct:title": Texts::new(
            format!("{} ({file_type})", info.title.nb),
            format!("{} ({file_type})", info.title.nn),
            format!("{} ({file_type})", info.title.en),
        ).json_ld(),
        "dcat:accessURL": id(url.clone()),
        "dcat:downloadURL": id(url),
        "dct:format": id(format!("{FILE_TYPE}{file_type}")),
        "dcat:mediaType": id(format!("{MEDIA_TYPE}{media_type}")),
        "dct:license": id(LICENCE),
    })
}

fn dataset(base: &str, info: &DatasetInfo) -> Json {
    let mut temporal = json!({ "@type": "dct:PeriodOfTime", "dcat:startDate": xsd_date(info.temporal.start) });
    if let Some(end) = info.temporal.end {
        temporal["dcat:endDate"] = xsd_date(end);
    }
    json!({
        "@id": format!("{base}{DATA_PATH}/{}", info.table_id),
        "@type": "dcat:Dataset",
        "dct:identifier": info.table_id,
        "dct:title": info.title.json_ld(),
        "dct:description": info.description.json_ld(),
        "dct:publisher": id(PUBLISHER),
        "dct:license": id(LICENCE),
        "dct:accessRights": id(ACCESS_PUBLIC),
        "dct:accrualPeriodicity": id(info.frequency.uri()),
        "dct:temporal": temporal,
        "dct:language": [id(format!("{LANGUAGE}NOB")), id(format!("{LANGUAGE}NNO")), id(format!("{LANGUAGE}ENG"))],
        "dcat:theme": id(THEME),
        "dcat:landingPage": id(format!("{base}/statistikk")),
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": "IMDi",
            "vcard:hasEmail": id(CONTACT_EMAIL),
            "vcard:hasURL": id(CONTACT_PAGE),
        },
        "dcat:distribution": [
            distribution(base, info, "csv", "CSV", "text/csv"),
            distribution(base, info, "json", "JSON", "application/json"),
        ],
    })
}

/// The DCAT-AP-NO catalogue of `datasets` as JSON-LD, with every URL below `base_url` (the
/// public service's address, e.g. `https://tolkeregisteret.no`; a trailing `/` is ignored).
pub fn catalogue(base_url: &str, datasets: &[DatasetInfo]) -> Json {
    let base = base_url.trim_end_matches('/');
    // The catalogue's own identity is fixed metadata DCAT-AP-NO requires in the languages of
    // the service; it names the register, not any data.
    let title = Texts::new(
        "Statistikk fra Nasjonalt tolkeregister",
        "Statistikk frå Nasjonalt tolkeregister",
        "Statistics from the Norwegian National Register of Interpreters",
    );
    let description = Texts::new(
        "Oppføringer i Nasjonalt tolkeregister etter kategori, tolkeform, språk og fylke, beregnet fra registerets historikk. Små tall er skjult av personvernhensyn.",
        "Oppføringar i Nasjonalt tolkeregister etter kategori, tolkeform, språk og fylke, rekna ut frå historikken i registeret. Små tal er skjulte av omsyn til personvernet.",
        "Entries in the Norwegian National Register of Interpreters by category, kind of interpreting, language and county, computed from the register's history. Small counts are hidden to protect privacy.",
    );
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": format!("{base}{CATALOGUE_PATH}"),
        "@type": "dcat:Catalog",
        "dct:title": title.json_ld(),
        "dct:description": description.json_ld(),
        "dct:publisher": {
            "@id": PUBLISHER,
            "@type": "foaf:Agent",
            "dct:identifier": "974778874",
            "foaf:name": Texts::new(
                "Integrerings- og mangfoldsdirektoratet (IMDi)",
                "Integrerings- og mangfaldsdirektoratet (IMDi)",
                "The Norwegian Directorate of Integration and Diversity (IMDi)",
            ).json_ld(),
        },
        "dct:license": id(LICENCE),
        "dct:language": [id(format!("{LANGUAGE}NOB")), id(format!("{LANGUAGE}NNO")), id(format!("{LANGUAGE}ENG"))],
        "foaf:homepage": id(format!("{base}/statistikk")),
        "dcat:dataset": datasets.iter().map(|d| dataset(base, d)).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn info() -> DatasetInfo {
        DatasetInfo {
            table_id: "entries-by-category".into(),
            title: Texts::new(
                "Oppføringer etter kategori",
                "Oppføringar etter kategori",
                "Entries by category",
            ),
            description: Texts::new("nb", "nn", "en"),
            temporal: Temporal {
                start: date!(2020 - 06 - 30),
                end: None,
            },
            frequency: Frequency::Continuous,
        }
    }

    #[test]
    fn the_catalogue_names_publisher_licence_and_languages() {
        let c = catalogue("https://tolk.example/", &[info()]);
        assert_eq!(c["@type"], "dcat:Catalog");
        assert_eq!(c["@id"], "https://tolk.example/statistikk/data/katalog.jsonld");
        assert_eq!(c["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
        assert_eq!(c["dct:publisher"]["@id"], PUBLISHER);
        assert_eq!(c["dct:publisher"]["dct:identifier"], "974778874");
        assert_eq!(c["dct:license"]["@id"], "http://data.norge.no/nlod/no/2.0");
        let tags: Vec<&str> = c["dct:title"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["@language"].as_str().unwrap())
            .collect();
        assert_eq!(tags, ["nb", "nn", "en"]);
        assert_eq!(c["dcat:dataset"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn each_dataset_has_a_csv_and_a_json_stat_distribution_at_the_stable_urls() {
        let c = catalogue("https://tolk.example", &[info()]);
        let d = &c["dcat:dataset"][0];
        assert_eq!(d["@type"], "dcat:Dataset");
        assert_eq!(d["dct:identifier"], "entries-by-category");
        assert_eq!(d["dct:title"][2]["@value"], "Entries by category");
        assert_eq!(d["dct:license"]["@id"], LICENCE);
        assert_eq!(
            d["dct:accrualPeriodicity"]["@id"],
            "http://publications.europa.eu/resource/authority/frequency/CONT"
        );
        assert_eq!(d["dct:temporal"]["dcat:startDate"]["@value"], "2020-06-30");
        assert!(d["dct:temporal"].get("dcat:endDate").is_none());
        assert!(d["dcat:theme"]["@id"].as_str().unwrap().ends_with("/SOCI"));
        assert_eq!(d["dcat:contactPoint"]["vcard:hasEmail"]["@id"], "mailto:post@imdi.no");
        let [csv, jsonstat] = [&d["dcat:distribution"][0], &d["dcat:distribution"][1]];
        assert_eq!(
            csv["dcat:downloadURL"]["@id"],
            "https://tolk.example/statistikk/data/entries-by-category.csv"
        );
        assert_eq!(csv["dcat:accessURL"], csv["dcat:downloadURL"]);
        assert_eq!(
            csv["dcat:mediaType"]["@id"],
            "https://www.iana.org/assignments/media-types/text/csv"
        );
        assert!(csv["dct:format"]["@id"].as_str().unwrap().ends_with("/file-type/CSV"));
        assert_eq!(
            jsonstat["dcat:downloadURL"]["@id"],
            "https://tolk.example/statistikk/data/entries-by-category.json"
        );
        assert_eq!(
            jsonstat["dcat:mediaType"]["@id"],
            "https://www.iana.org/assignments/media-types/application/json"
        );
    }

    #[test]
    fn a_closed_period_has_an_end_and_frequencies_map_to_the_eu_vocabulary() {
        let mut i = info();
        i.temporal.end = Some(date!(2023 - 12 - 31));
        i.frequency = Frequency::Semiannual;
        let c = catalogue("https://tolk.example", &[i]);
        let d = &c["dcat:dataset"][0];
        assert_eq!(d["dct:temporal"]["dcat:endDate"]["@value"], "2023-12-31");
        assert!(
            d["dct:accrualPeriodicity"]["@id"]
                .as_str()
                .unwrap()
                .ends_with("/ANNUAL_2")
        );
    }
}
