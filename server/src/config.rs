//! Configuration from environment variables, each with a default that works
//! on a laptop: SQLite under ./data, the app on 127.0.0.1:3000.

use std::net::SocketAddr;

#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://path?mode=rwc` or `postgres://…`.
    pub database_url: String,
    /// `LEPTOS_SITE_ADDR`: where to listen.
    pub site_addr: SocketAddr,
    /// `LEPTOS_SITE_ROOT`: the built site (wasm, JS, CSS).
    pub site_root: String,
    /// `LEPTOS_OUTPUT_NAME`: file stem of the built bundle.
    pub output_name: String,
    /// `RAPPORT_DEMO`: load the demo organisation into an empty database.
    pub demo_data: bool,
    /// `RAPPORT_SECURE_COOKIES`: mark the session cookie Secure (HTTPS only).
    pub secure_cookies: bool,
    /// `RAPPORT_HSTS`: send Strict-Transport-Security (HTTPS-only deployments).
    pub hsts: bool,
    /// `RAPPORT_TRUST_FORWARDED_FOR`: client address from X-Forwarded-For.
    pub trust_forwarded_for: bool,
    /// `RAPPORT_SESSION_HOURS`: idle time after which a session ends.
    pub session_hours: i64,
    /// `RAPPORT_LOG_FORMAT`: `text` (default) or `json`.
    pub log_json: bool,
    /// `RAPPORT_DB_CONNECTIONS`: the most database connections this server
    /// holds; unset, 8 on SQLite and 20 on PostgreSQL. Servers that share
    /// one PostgreSQL must stay within its `max_connections` together.
    pub db_connections: Option<u32>,
    /// Where recordings and complaint material are kept: the directory
    /// `RAPPORT_STORAGE_DIR`, or the bucket `RAPPORT_S3_BUCKET` when set.
    pub storage: StorageConfig,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageConfig {
    Local(String),
    S3(S3Config),
}

/// An S3-compatible bucket shared by every app server.
#[derive(Clone, PartialEq)]
pub struct S3Config {
    /// `RAPPORT_S3_BUCKET`
    pub bucket: String,
    /// `RAPPORT_S3_REGION` (default `us-east-1`)
    pub region: String,
    /// `RAPPORT_S3_ENDPOINT`: a self-hosted server's URL; unset for AWS.
    pub endpoint: Option<String>,
    /// `RAPPORT_S3_ACCESS_KEY_ID`
    pub access_key_id: String,
    /// `RAPPORT_S3_SECRET_ACCESS_KEY`
    pub secret_access_key: String,
}

impl std::fmt::Debug for S3Config {
    // The secret never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {name} = {value:?} is not valid: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub reason: String,
}

/// A setting that counts something, within the range the server supports.
fn whole_number<T>(
    name: &'static str,
    text: &str,
    range: std::ops::RangeInclusive<T>,
    unit: &str,
) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    text.parse::<T>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| ConfigError {
            name,
            value: text.to_string(),
            reason: format!(
                "use a whole number of {unit} from {} to {}",
                range.start(),
                range.end()
            ),
        })
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/rapport.db?mode=rwc";

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |name: &str, default: &str| {
            get(name)
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| default.to_string())
        };
        let flag = |name: &'static str, default: bool| -> Result<bool, ConfigError> {
            match get(name).map(|v| v.trim().to_lowercase()) {
                None => Ok(default),
                Some(v) if v.is_empty() => Ok(default),
                Some(v) if ["1", "true", "yes", "on"].contains(&v.as_str()) => Ok(true),
                Some(v) if ["0", "false", "no", "off"].contains(&v.as_str()) => Ok(false),
                Some(v) => Err(ConfigError {
                    name,
                    value: v,
                    reason: "use true or false".into(),
                }),
            }
        };
        let addr_text = var("LEPTOS_SITE_ADDR", "127.0.0.1:3000");
        let site_addr = addr_text.parse().map_err(|e| ConfigError {
            name: "LEPTOS_SITE_ADDR",
            value: addr_text.clone(),
            reason: format!("{e}; expected host:port such as 127.0.0.1:3000"),
        })?;
        let hours_text = var("RAPPORT_SESSION_HOURS", "12");
        let session_hours =
            whole_number("RAPPORT_SESSION_HOURS", &hours_text, 1..=24 * 30, "hours")?;
        let database_url = var("DATABASE_URL", DEFAULT_DATABASE_URL);
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                name: "DATABASE_URL",
                value: database_url,
                reason: "use sqlite://… or postgres://…".into(),
            });
        }
        let log_format = var("RAPPORT_LOG_FORMAT", "text");
        let log_json = match log_format.as_str() {
            "json" => true,
            "text" => false,
            _ => {
                return Err(ConfigError {
                    name: "RAPPORT_LOG_FORMAT",
                    value: log_format,
                    reason: "use text or json".into(),
                })
            }
        };
        let db_connections = get("RAPPORT_DB_CONNECTIONS")
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .map(|v| whole_number("RAPPORT_DB_CONNECTIONS", &v, 1..=500, "connections"))
            .transpose()?;
        let storage = storage_config(&get, var("RAPPORT_STORAGE_DIR", "data/recordings"))?;
        Ok(Config {
            database_url,
            site_addr,
            site_root: var("LEPTOS_SITE_ROOT", "target/site"),
            output_name: var("LEPTOS_OUTPUT_NAME", "rapport"),
            demo_data: flag("RAPPORT_DEMO", true)?,
            secure_cookies: flag("RAPPORT_SECURE_COOKIES", false)?,
            hsts: flag("RAPPORT_HSTS", false)?,
            trust_forwarded_for: flag("RAPPORT_TRUST_FORWARDED_FOR", false)?,
            session_hours,
            log_json,
            db_connections,
            storage,
        })
    }
}

fn storage_config(
    get: &impl Fn(&str) -> Option<String>,
    dir: String,
) -> Result<StorageConfig, ConfigError> {
    let set = |name: &str| {
        get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let Some(bucket) = set("RAPPORT_S3_BUCKET") else {
        return Ok(StorageConfig::Local(dir));
    };
    let required = |name: &'static str| {
        set(name).ok_or_else(|| ConfigError {
            name,
            value: String::new(),
            reason: "needed when RAPPORT_S3_BUCKET is set".into(),
        })
    };
    let endpoint = set("RAPPORT_S3_ENDPOINT");
    if let Some(e) = &endpoint {
        if !(e.starts_with("http://") || e.starts_with("https://")) {
            return Err(ConfigError {
                name: "RAPPORT_S3_ENDPOINT",
                value: e.clone(),
                reason: "use the server's URL, such as http://127.0.0.1:9000".into(),
            });
        }
    }
    Ok(StorageConfig::S3(S3Config {
        bucket,
        region: set("RAPPORT_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
        endpoint,
        access_key_id: required("RAPPORT_S3_ACCESS_KEY_ID")?,
        secret_access_key: required("RAPPORT_S3_SECRET_ACCESS_KEY")?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_work_on_a_laptop() {
        let c = with(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
        assert!(c.demo_data && !c.secure_cookies && !c.trust_forwarded_for);
        assert_eq!(c.session_hours, 12);
    }

    #[test]
    fn bad_values_name_the_variable() {
        let e = with(&[("LEPTOS_SITE_ADDR", "localhost")]).unwrap_err();
        assert_eq!(e.name, "LEPTOS_SITE_ADDR");
        let e = with(&[("RAPPORT_DEMO", "maybe")]).unwrap_err();
        assert!(e.to_string().contains("RAPPORT_DEMO"), "{e}");
        let e = with(&[("DATABASE_URL", "mysql://x")]).unwrap_err();
        assert_eq!(e.name, "DATABASE_URL");
        let e = with(&[("RAPPORT_SESSION_HOURS", "0")]).unwrap_err();
        assert_eq!(e.name, "RAPPORT_SESSION_HOURS");
        for bad in ["0", "-3", "many", "501"] {
            let e = with(&[("RAPPORT_DB_CONNECTIONS", bad)]).unwrap_err();
            assert_eq!(e.name, "RAPPORT_DB_CONNECTIONS", "{bad}");
        }
    }

    #[test]
    fn the_pool_size_is_the_databases_own_unless_set() {
        assert_eq!(with(&[]).unwrap().db_connections, None);
        let c = with(&[("RAPPORT_DB_CONNECTIONS", " 4 ")]).unwrap();
        assert_eq!(c.db_connections, Some(4));
    }

    #[test]
    fn storage_is_a_directory_unless_a_bucket_is_named() {
        assert_eq!(
            with(&[("RAPPORT_STORAGE_DIR", "/srv/rec")])
                .unwrap()
                .storage,
            StorageConfig::Local("/srv/rec".into())
        );
        let e = with(&[("RAPPORT_S3_BUCKET", "rec")]).unwrap_err();
        assert_eq!(e.name, "RAPPORT_S3_ACCESS_KEY_ID");
        let s3 = [
            ("RAPPORT_S3_BUCKET", "rec"),
            ("RAPPORT_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("RAPPORT_S3_ACCESS_KEY_ID", "key"),
            ("RAPPORT_S3_SECRET_ACCESS_KEY", "very-secret"),
        ];
        let c = with(&s3).unwrap();
        let StorageConfig::S3(s) = &c.storage else {
            panic!("expected S3: {:?}", c.storage)
        };
        assert_eq!((s.bucket.as_str(), s.region.as_str()), ("rec", "us-east-1"));
        assert!(!format!("{c:?}").contains("very-secret"));
        let mut bad = s3.to_vec();
        bad[1] = ("RAPPORT_S3_ENDPOINT", "127.0.0.1:9000");
        assert_eq!(with(&bad).unwrap_err().name, "RAPPORT_S3_ENDPOINT");
    }

    #[test]
    fn postgres_urls_are_accepted() {
        let c = with(&[("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/rapport")]).unwrap();
        assert!(c.database_url.starts_with("postgres://"));
    }
}
