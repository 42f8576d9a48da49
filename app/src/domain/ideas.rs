//! Service ideas (seed 002's alternative measure): anyone logs one, leaders
//! move it through proposed → agreed → in practice, or decline it with a
//! reason. Counted per period by the day it was put into practice.

crate::keyed_enum! {
    pub enum IdeaStatus {
        Proposed = "proposed",
        Agreed = "agreed",
        InPractice = "in_practice",
        Declined = "declined",
    }
}

impl IdeaStatus {
    pub fn label(self) -> &'static str {
        match self {
            IdeaStatus::Proposed => "Proposed",
            IdeaStatus::Agreed => "Agreed",
            IdeaStatus::InPractice => "In practice",
            IdeaStatus::Declined => "Declined",
        }
    }

    /// The statuses a leader may move an idea to from here.
    pub fn next(self) -> &'static [IdeaStatus] {
        match self {
            IdeaStatus::Proposed => &[IdeaStatus::Agreed, IdeaStatus::Declined],
            IdeaStatus::Agreed => &[IdeaStatus::InPractice, IdeaStatus::Declined],
            IdeaStatus::InPractice | IdeaStatus::Declined => &[],
        }
    }

    pub fn may_become(self, next: IdeaStatus) -> bool {
        self.next().contains(&next)
    }

    /// Why a move is refused, in words for the person trying it.
    pub fn refusal(self, next: IdeaStatus) -> String {
        match self.next() {
            [] => format!(
                "This idea is {} already: it does not move any further.",
                self.label().to_lowercase()
            ),
            allowed => format!(
                "An idea that is {} can become {}, not {}.",
                self.label().to_lowercase(),
                allowed
                    .iter()
                    .map(|s| s.label().to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" or "),
                next.label().to_lowercase()
            ),
        }
    }
}

/// Shortest and longest title.
pub const MAX_TITLE: usize = 160;

pub fn check_title(raw: &str) -> Result<String, String> {
    let t = raw.trim();
    match t.chars().count() {
        0 => Err("Give the idea a short title.".into()),
        n if n > MAX_TITLE => Err(format!(
            "Keep the title to {MAX_TITLE} characters; this one is {n}."
        )),
        _ => Ok(t.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_move_is_allowed_or_refused_as_the_lifecycle_says() {
        use IdeaStatus::*;
        let allowed = [
            (Proposed, Agreed),
            (Proposed, Declined),
            (Agreed, InPractice),
            (Agreed, Declined),
        ];
        for &from in IdeaStatus::ALL {
            for &to in IdeaStatus::ALL {
                assert_eq!(
                    from.may_become(to),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn refusals_say_what_is_possible() {
        assert_eq!(
            IdeaStatus::Proposed.refusal(IdeaStatus::InPractice),
            "An idea that is proposed can become agreed or declined, not in practice."
        );
        assert_eq!(
            IdeaStatus::Declined.refusal(IdeaStatus::Agreed),
            "This idea is declined already: it does not move any further."
        );
    }

    #[test]
    fn titles_are_needed_and_short() {
        assert!(check_title("  ").is_err());
        assert_eq!(check_title(" Callback slots ").unwrap(), "Callback slots");
        assert!(check_title(&"x".repeat(161)).is_err());
    }
}
