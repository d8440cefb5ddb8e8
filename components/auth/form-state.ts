/** What the sign-in and password forms show after a try: nothing yet, or why it did not work. */
export type FormState = { message: string; field?: string } | null;
