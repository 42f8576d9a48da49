//! Where recordings and complaint material live: a local directory by
//! default, or an S3-compatible bucket, so that several app servers share
//! what any one of them received. Both sit behind `object_store`, so storing
//! and serving (with byte ranges) is one code path whichever is configured.

use crate::config::{S3Config, StorageConfig};
use axum::body::{Body, Bytes};
use futures_util::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, GetRange, ObjectStore, PutPayload};
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage: {0}")]
    Io(#[from] std::io::Error),
    #[error("storage: {0}")]
    Store(#[from] object_store::Error),
    #[error("storage: \"{0}\" is not a valid key")]
    BadKey(String),
}

/// Whole objects under keys such as `org-1/call-42-ab12.wav`; a key never
/// changes its content (a new upload gets a new key).
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// Where the objects are, for the start-up log.
    pub place: String,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.place)
    }
}

/// An object's bytes, or the part of them a range asked for, as a body that
/// streams from the store rather than holding the file in memory.
pub struct Read {
    pub body: Body,
    pub len: u64,
}

impl Storage {
    pub fn open(config: &StorageConfig) -> Result<Self, StorageError> {
        match config {
            StorageConfig::Local(root) => Self::local(root),
            StorageConfig::S3(s3) => Self::s3(s3),
        }
    }

    pub fn local(root: &str) -> Result<Self, StorageError> {
        std::fs::create_dir_all(root)?;
        let store = LocalFileSystem::new_with_prefix(root)?;
        Ok(Storage {
            store: Arc::new(store),
            place: format!("directory {root}"),
        })
    }

    pub fn s3(config: &S3Config) -> Result<Self, StorageError> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&config.bucket)
            .with_region(&config.region)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(&config.secret_access_key);
        if let Some(endpoint) = &config.endpoint {
            // A self-hosted server (MinIO, Garage, s3s…) is addressed by
            // path, and may be plain HTTP inside a private network.
            builder = builder
                .with_endpoint(endpoint)
                .with_virtual_hosted_style_request(false)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        let store = builder.build()?;
        let place = match &config.endpoint {
            Some(endpoint) => format!("bucket {} at {endpoint}", config.bucket),
            None => format!("bucket {} in {}", config.bucket, config.region),
        };
        Ok(Storage {
            store: Arc::new(store),
            place,
        })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<(), StorageError> {
        // Local files are written beside and renamed by object_store, so a
        // reader never sees half a file; S3 puts are atomic.
        self.store
            .put(&path_of(key)?, PutPayload::from_bytes(bytes))
            .await?;
        Ok(())
    }

    pub async fn size(&self, key: &str) -> Result<u64, StorageError> {
        Ok(self.store.head(&path_of(key)?).await?.size)
    }

    /// The whole object, or `range` of it (already checked against its size).
    pub async fn read(&self, key: &str, range: Option<Range<u64>>) -> Result<Read, StorageError> {
        let options = GetOptions {
            range: range.map(GetRange::Bounded),
            ..GetOptions::default()
        };
        let got = self.store.get_opts(&path_of(key)?, options).await?;
        let len = got.range.end - got.range.start;
        let stream = got.into_stream().map_err(std::io::Error::other);
        Ok(Read {
            body: Body::from_stream(stream),
            len,
        })
    }
}

/// Keys are made by the server, but never let one climb out of its place:
/// `object_store` refuses empty, "." and ".." segments; an empty key would
/// name the root.
fn path_of(key: &str) -> Result<ObjectPath, StorageError> {
    ObjectPath::parse(key)
        .ok()
        .filter(|p| !p.as_ref().is_empty())
        .ok_or_else(|| StorageError::BadKey(key.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    async fn text(read: Read) -> Vec<u8> {
        read.body.collect().await.unwrap().to_bytes().to_vec()
    }

    #[tokio::test]
    async fn stores_reads_ranges_and_refuses_escaping_keys() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("nested").to_string_lossy().into_owned();
        let store = Storage::local(&root).unwrap();
        store
            .put("org-1/a.wav", Bytes::from_static(b"RIFF0123456789"))
            .await
            .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("nested/org-1/a.wav")).unwrap(),
            b"RIFF0123456789"
        );
        assert_eq!(store.size("org-1/a.wav").await.unwrap(), 14);
        let whole = store.read("org-1/a.wav", None).await.unwrap();
        assert_eq!(whole.len, 14);
        assert_eq!(text(whole).await, b"RIFF0123456789");
        let part = store.read("org-1/a.wav", Some(4..8)).await.unwrap();
        assert_eq!(part.len, 4);
        assert_eq!(text(part).await, b"0123");
        assert!(store.put("../x", Bytes::new()).await.is_err());
        assert!(store.size("org-1//a").await.is_err());
        assert!(matches!(
            store.size("org-1/missing.wav").await,
            Err(StorageError::Store(object_store::Error::NotFound { .. }))
        ));
    }
}
