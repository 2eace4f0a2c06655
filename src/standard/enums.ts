/**
 * Enumerations of section 5 of the standard. Only the stable keys live here;
 * their labels (kk, ru, en) live in the message catalogues under
 * `enum.<name>.<key>`, so that a methodologist's correction of a term never
 * touches logic.
 */
export const ENUMS = {
  territory_kind: ['city', 'district'],
  library_type: [
    'oblast_universal',
    'oblast_children',
    'oblast_special',
    'central_district',
    'central_city',
    'central_children',
    'city_branch',
    'rural_branch',
    'other',
  ],
  report_status: ['draft', 'submitted', 'accepted', 'returned'],
  event_form: [
    'professional_day',
    'information_day',
    'library_lesson',
    'book_review',
    'quiz',
    'webinar',
    'internship',
    'seminar',
    'workshop',
    'master_class',
    'training',
    'round_table',
    'conference',
    'contest',
    'festival',
    'exhibition',
    'author_meeting',
    'campaign',
    'presentation',
    'excursion',
    'other',
  ],
  event_format: ['onsite', 'offsite', 'online', 'hybrid'],
  event_language: ['kk', 'ru', 'kk_ru', 'other'],
  audience: ['children', 'youth', 'adults', 'families', 'librarians', 'disabled'],
  event_level: ['local', 'oblast', 'republican', 'international'],
  yes_no: ['yes', 'no'],
  // Version 2; after yes_no, so that the columns of a version 1 workbook's hidden lists stay where they were.
  visit_purpose: ['help', 'study', 'experience', 'event', 'other'],
  publication_kind: [
    'methodological_guide',
    'bibliographic_index',
    'scenario',
    'digest',
    'booklet',
    'online_resource',
    'other',
  ],
  publication_format: ['print', 'electronic', 'braille', 'large_print', 'audio'],
  participation_role: ['attendee', 'speaker', 'exhibitor', 'jury', 'winner'],
  study_kind: ['survey', 'monitoring', 'analysis', 'other'],
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumKey<E extends EnumName> = (typeof ENUMS)[E][number];
export const ENUM_NAMES = Object.keys(ENUMS) as EnumName[];
