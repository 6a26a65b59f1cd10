//! One module per route.

pub mod about;
pub mod article;
pub mod compare;
pub mod glossary;
pub mod hand_over;
pub mod home;
pub mod not_found;
pub mod treatments;
