//! Where recordings live. A small interface so that a deployment can swap
//! the local directory for S3-compatible object storage; the local directory
//! is the default.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage: {0}")]
    Io(#[from] std::io::Error),
    #[error("storage: \"{0}\" is not a valid key")]
    BadKey(String),
}

/// Stores whole objects under keys such as `org-1/call-42-ab12.wav`.
#[async_trait::async_trait]
pub trait Storage: Send + Sync {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StorageError>;
    /// A local file to serve the object from (with range requests).
    async fn local_path(&self, key: &str) -> Result<PathBuf, StorageError>;
}

pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        LocalDir { root: root.into() }
    }

    fn path_of(&self, key: &str) -> Result<PathBuf, StorageError> {
        // Keys are made by the server, but never let one climb out of the root.
        let ok = !key.is_empty()
            && key.split('/').all(|part| {
                !part.is_empty() && part != ".." && part != "." && !part.contains('\\')
            });
        if !ok {
            return Err(StorageError::BadKey(key.to_string()));
        }
        Ok(self.root.join(Path::new(key)))
    }
}

#[async_trait::async_trait]
impl Storage for LocalDir {
    async fn put(&self, key: &str, bytes: &[u8]) -> Result<(), StorageError> {
        let path = self.path_of(key)?;
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        // Written beside and renamed, so a reader never sees half a file.
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
        Ok(())
    }

    async fn local_path(&self, key: &str) -> Result<PathBuf, StorageError> {
        self.path_of(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_and_finds_objects_and_refuses_escaping_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalDir::new(dir.path());
        store.put("org-1/a.wav", b"RIFF").await.unwrap();
        let path = store.local_path("org-1/a.wav").await.unwrap();
        assert_eq!(std::fs::read(path).unwrap(), b"RIFF");
        assert!(store.put("../x", b"").await.is_err());
        assert!(store.local_path("org-1//a").await.is_err());
    }
}
