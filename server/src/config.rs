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
    /// `RAPPORT_STORAGE_DIR`: where uploaded recordings are kept.
    pub storage_dir: String,
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {name} = {value:?} is not valid: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub reason: String,
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
        let session_hours = hours_text
            .parse::<i64>()
            .ok()
            .filter(|h| (1..=24 * 30).contains(h))
            .ok_or_else(|| ConfigError {
                name: "RAPPORT_SESSION_HOURS",
                value: hours_text.clone(),
                reason: "use a whole number of hours from 1 to 720".into(),
            })?;
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
            storage_dir: var("RAPPORT_STORAGE_DIR", "data/recordings"),
        })
    }
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
    }

    #[test]
    fn postgres_urls_are_accepted() {
        let c = with(&[("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/rapport")]).unwrap();
        assert!(c.database_url.starts_with("postgres://"));
    }
}
