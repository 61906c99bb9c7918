import * as z from 'zod/mini';

// zod/mini loads no locale: without one every message is a bare "Invalid input". The English
// messages are part of the contract (the API's `validation-errors[].detail`, the console's field
// errors, `issueCode`'s NotBlank test), so every contract imports zod through this module.
z.config(z.locales.en());

export { z };
