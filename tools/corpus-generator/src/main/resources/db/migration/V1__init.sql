create table author (id bigserial primary key, name varchar(200) not null);
create table book (id bigserial primary key, title varchar(200) not null, author_id bigint references author(id));
create table award (id bigserial primary key, name varchar(200) not null, author_id bigint references author(id));
create index book_author_idx on book(author_id);
