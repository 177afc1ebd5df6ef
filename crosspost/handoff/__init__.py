"""Handing a draft over for the last step, which the user does themselves: to the phone over the local
network (``phone_server``), or to the platform's upload page in the browser (``creator_page``)."""
